package app.essayqa.ingest;

/**
 * One sentence, with character offsets into its document's text.
 *
 * @param number 1-based position within its paragraph
 * @param start offset of the first character (inclusive)
 * @param end offset after the last character (exclusive)
 */
public record Sentence(int number, int start, int end, String text) {
  public Sentence {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad sentence offsets " + start + ".." + end);
    }
  }
}
