package app.essayqa.answer;

import java.util.Objects;

/**
 * One quoted source of an answer. The quote is a verbatim substring of the document text at {@code
 * [start, end)}.
 *
 * @param n the marker number used in the answer text, {@code [n]}
 * @param document the seed file name
 * @param title the document's title
 * @param section the heading of the section the quote stands in
 * @param paragraph 1-based paragraph number in the document
 * @param sentence 1-based sentence number within the paragraph
 * @param score the fused retrieval score that ranked it (higher is better)
 */
public record Citation(
    int n,
    String document,
    String title,
    String section,
    int paragraph,
    int sentence,
    int start,
    int end,
    String quote,
    double score) {

  public Citation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(quote, "quote");
    if (end - start != quote.length()) {
      throw new IllegalArgumentException(
          "quote length " + quote.length() + " does not match offsets " + start + ".." + end);
    }
  }

  /** Where a reader finds the quote again: paragraph and sentence, e.g. {@code ¶6.1}. */
  public String locator() {
    return "¶" + paragraph + "." + sentence;
  }
}
