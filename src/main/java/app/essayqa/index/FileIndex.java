package app.essayqa.index;

import app.essayqa.ingest.Document;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The index of one seed file, as built once and kept on disk: the parsed document and the vectors
 * of its passages (in the order {@link PassageSplitter} gives them), all with file-local row
 * numbers.
 *
 * @param sentenceVectors one row per passage; read from disk, memory-mapped, as are {@code
 *     contextVectors} and {@code clauseVectors}
 * @param firstClause passage {@code i}'s clause views are rows {@code firstClause[i]} up to {@code
 *     firstClause[i + 1]} of {@code clauseVectors}
 * @param tokenValues the content tokens' vectors as bytes (see {@link TokenVectors}), often a
 *     memory-mapped part of the file
 * @param tokenScales one float per token row
 * @param firstToken passage {@code i}'s tokens, as {@code firstClause} for clauses
 * @param words the file's distinct words (in order of first use) that analyse to one term
 * @param stems each word's term
 */
public record FileIndex(
    Document document,
    VectorRows sentenceVectors,
    VectorRows contextVectors,
    VectorRows clauseVectors,
    int[] firstClause,
    ByteBuffer tokenValues,
    ByteBuffer tokenScales,
    int[] firstToken,
    List<String> words,
    List<String> stems) {
  public FileIndex {
    words = List.copyOf(words);
    stems = List.copyOf(stems);
  }

  public int passages() {
    return sentenceVectors.rows();
  }

  public int tokens() {
    return tokenScales.capacity() / Float.BYTES;
  }
}
