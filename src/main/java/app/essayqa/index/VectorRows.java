package app.essayqa.index;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of float vectors (the passages' sentence, context or clause vectors), in parts that may be
 * memory-mapped regions of the on-disk index: a start reads none of them, and a search reads only
 * the rows it scores. Immutable and thread-safe (each read uses absolute positions).
 */
public final class VectorRows {
  public static final VectorRows EMPTY = new VectorRows(List.of(), 384);

  private final int dim;
  private final FloatBuffer[] parts;
  private final int[] firstRow;

  private VectorRows(List<FloatBuffer> parts, int dim) {
    this.dim = dim;
    this.parts = parts.toArray(new FloatBuffer[0]);
    this.firstRow = new int[this.parts.length + 1];
    for (int i = 0; i < this.parts.length; i++) {
      firstRow[i + 1] = firstRow[i] + this.parts[i].capacity() / dim;
    }
  }

  /** The rows copied into one part on the heap (all of {@code dim} floats). */
  public static VectorRows of(float[][] rows, int dim) {
    float[] flat = new float[rows.length * dim];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != dim) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " components, expected " + dim);
      }
      System.arraycopy(rows[r], 0, flat, r * dim, dim);
    }
    return new VectorRows(List.of(FloatBuffer.wrap(flat)), dim);
  }

  /** The rows of {@code bytes} (floats in the buffer's byte order, {@code dim} to a row). */
  static VectorRows of(ByteBuffer bytes, int dim) {
    return new VectorRows(List.of(bytes.asFloatBuffer()), dim);
  }

  /** The parts' rows one after the other, none copied. */
  public static VectorRows join(List<VectorRows> all) {
    List<FloatBuffer> parts = new ArrayList<>();
    int dim = all.stream().filter(r -> r.rows() > 0).findFirst().map(r -> r.dim).orElse(384);
    for (VectorRows rows : all) {
      if (rows.rows() > 0 && rows.dim != dim) {
        throw new IllegalArgumentException("vectors of " + rows.dim + " and " + dim);
      }
      parts.addAll(List.of(rows.parts));
    }
    return new VectorRows(parts, dim);
  }

  public int rows() {
    return firstRow[parts.length];
  }

  public int dim() {
    return dim;
  }

  /** Row {@code row}, copied. */
  public float[] row(int row) {
    if (row < 0 || row >= rows()) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rows());
    }
    int part = part(row);
    float[] out = new float[dim];
    parts[part].get((row - firstRow[part]) * dim, out);
    return out;
  }

  /** The dot product of row {@code row} with {@code q}: their cosine, for unit vectors. */
  public double dot(int row, float[] q) {
    return Vectors.dot(row(row), q);
  }

  private int part(int row) {
    return partOf(firstRow, parts.length, row);
  }

  /**
   * The last of {@code parts} parts whose first row is at most {@code row} ({@code firstRow[i]} the
   * first row of part {@code i}): the non-empty part holding it when empty parts repeat a first
   * row. Shared with {@link TokenVectors}.
   */
  static int partOf(int[] firstRow, int parts, int row) {
    int lo = 0;
    int hi = parts - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (firstRow[mid] <= row) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
