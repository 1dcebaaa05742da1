package app.essayqa.index;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Unit-length token vectors kept as bytes: each component rounded to one of 255 steps of its
 * vector's largest component, with that scale beside it. A vector takes 388 bytes instead of the
 * 1,552 of a {@code float[384]}, and the bytes may be a memory-mapped file, so late interaction
 * stays on for a library of many megabytes without holding it on the heap. The rounding moves a
 * cosine by less than 0.01, far below the gaps late interaction ranks by.
 */
public final class TokenVectors {
  public static final TokenVectors EMPTY = new TokenVectors(List.of(), List.of(), 384);

  private final int dim;
  private final int rows;
  private final ByteBuffer[] values;
  private final ByteBuffer[] scales;
  private final int[] firstRow;

  /**
   * @param values per part, {@code rows * dim} signed bytes
   * @param scales per part, one float per row
   */
  public TokenVectors(List<ByteBuffer> values, List<ByteBuffer> scales, int dim) {
    this.dim = dim;
    this.values = values.toArray(new ByteBuffer[0]);
    this.scales = scales.toArray(new ByteBuffer[0]);
    this.firstRow = new int[this.values.length + 1];
    for (int i = 0; i < this.values.length; i++) {
      firstRow[i + 1] = firstRow[i] + this.values[i].capacity() / dim;
    }
    this.rows = firstRow[this.values.length];
  }

  /** Quantizes {@code vectors} into one part on the heap. */
  public static TokenVectors of(float[][] vectors) {
    int dim = vectors.length == 0 ? 384 : vectors[0].length;
    ByteBuffer values = ByteBuffer.allocate(vectors.length * dim);
    ByteBuffer scales = ByteBuffer.allocate(vectors.length * Float.BYTES);
    quantize(vectors, values, scales);
    return new TokenVectors(List.of(values.flip()), List.of(scales.flip()), dim);
  }

  /** Writes each vector's bytes to {@code values} and its scale to {@code scales}. */
  static void quantize(float[][] vectors, ByteBuffer values, ByteBuffer scales) {
    for (float[] v : vectors) {
      float max = 0;
      for (float x : v) {
        max = Math.max(max, Math.abs(x));
      }
      float scale = max == 0 ? 0 : max / 127f;
      for (float x : v) {
        values.put((byte) (scale == 0 ? 0 : Math.round(x / scale)));
      }
      scales.putFloat(scale);
    }
  }

  public int rows() {
    return rows;
  }

  /** The dot product of row {@code row} with {@code q}. */
  public double dot(int row, float[] q) {
    int part = part(row);
    int local = row - firstRow[part];
    ByteBuffer v = values[part];
    int base = local * dim;
    float sum = 0;
    for (int d = 0; d < dim; d++) {
      sum += v.get(base + d) * q[d];
    }
    return sum * scales[part].getFloat(local * Float.BYTES);
  }

  /**
   * For each of {@code queries}, its best dot product with rows {@code from} up to {@code to} (one
   * part: one file's tokens), the terms of ColBERT's MaxSim; empty when either is empty. The rows
   * are copied out once, so a mapped file is read in one go, not byte by byte per query token.
   */
  public double[] bestDots(int from, int to, float[][] queries) {
    if (from >= to || queries.length == 0) {
      return new double[0];
    }
    int part = part(from);
    int local = from - firstRow[part];
    int count = to - from;
    byte[] block = new byte[count * dim];
    values[part].get(local * dim, block);
    float[] scale = new float[count];
    for (int r = 0; r < count; r++) {
      scale[r] = scales[part].getFloat((local + r) * Float.BYTES);
    }
    double[] bests = new double[queries.length];
    for (int i = 0; i < queries.length; i++) {
      float[] q = queries[i];
      double best = -1;
      for (int r = 0; r < count; r++) {
        float sum = 0;
        int base = r * dim;
        for (int d = 0; d < dim; d++) {
          sum += block[base + d] * q[d];
        }
        best = Math.max(best, sum * scale[r]);
      }
      bests[i] = best;
    }
    return bests;
  }

  /** Row {@code row} as floats (for tests and tools). */
  public float[] row(int row) {
    int part = part(row);
    int local = row - firstRow[part];
    float scale = scales[part].getFloat(local * Float.BYTES);
    float[] out = new float[dim];
    for (int d = 0; d < dim; d++) {
      out[d] = values[part].get(local * dim + d) * scale;
    }
    return out;
  }

  private int part(int row) {
    return VectorRows.partOf(firstRow, values.length, row);
  }
}
