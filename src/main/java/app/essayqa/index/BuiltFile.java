package app.essayqa.index;

import app.essayqa.ingest.Document;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A seed file's index as {@link FileIndexer} makes it, before it is stored: the vectors of its
 * passages on the heap, its token vectors in a {@link TokenSpill} (passage {@code i}'s are rows
 * {@code spillRow[i]} on, {@code firstToken[i + 1] - firstToken[i]} of them).
 */
record BuiltFile(
    Document document,
    float[][] sentenceVectors,
    float[][] contextVectors,
    float[][] clauseVectors,
    int[] firstClause,
    int[] firstToken,
    int[] spillRow,
    TokenSpill tokens,
    List<String> words,
    List<String> stems) {
  BuiltFile {
    words = List.copyOf(words);
    stems = List.copyOf(stems);
  }

  int passages() {
    return sentenceVectors.length;
  }

  /** The index with its token vectors in given buffers (read from the spill, in passage order). */
  FileIndex with(ByteBuffer tokenValues, ByteBuffer tokenScales) {
    return new FileIndex(
        document,
        VectorRows.of(sentenceVectors, TokenSpill.DIM),
        VectorRows.of(contextVectors, TokenSpill.DIM),
        VectorRows.of(clauseVectors, TokenSpill.DIM),
        firstClause,
        tokenValues,
        tokenScales,
        firstToken,
        words,
        stems);
  }

  /** The index with its token vectors read onto the heap: for when it cannot be stored. */
  FileIndex onHeap() {
    int total = firstToken[passages()];
    ByteBuffer values = ByteBuffer.allocate(total * TokenSpill.DIM);
    ByteBuffer scales = ByteBuffer.allocate(total * Float.BYTES);
    for (int i = 0; i < passages(); i++) {
      int count = firstToken[i + 1] - firstToken[i];
      ByteBuffer rows = tokens.rows(spillRow[i], count);
      for (int r = 0; r < count; r++) {
        scales.putFloat(rows.getFloat(r * TokenSpill.ROW));
        values.put(rows.slice(r * TokenSpill.ROW + Float.BYTES, TokenSpill.DIM));
      }
    }
    return with(values.flip(), scales.flip());
  }
}
