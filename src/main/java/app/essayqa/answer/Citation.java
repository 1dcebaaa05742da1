package app.essayqa.answer;

import java.util.Objects;
import java.util.OptionalInt;

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
 * @param page the 1-based page the quote starts on, for a paged document (PDF); empty otherwise
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
    double score,
    OptionalInt page) {

  public Citation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(page, "page");
    if (end - start != quote.length()) {
      throw new IllegalArgumentException(
          "quote length " + quote.length() + " does not match offsets " + start + ".." + end);
    }
  }

  /** A citation into a document without pages. */
  public Citation(
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
    this(
        n,
        document,
        title,
        section,
        paragraph,
        sentence,
        start,
        end,
        quote,
        score,
        OptionalInt.empty());
  }

  /**
   * Where a reader finds the quote again: paragraph and sentence, e.g. {@code ¶6.1}, after the page
   * when the document has pages, e.g. {@code p. 3, ¶6.1}.
   */
  public String locator() {
    String paragraphSentence = "¶" + paragraph + "." + sentence;
    return page.isPresent()
        ? "p. " + page.getAsInt() + ", " + paragraphSentence
        : paragraphSentence;
  }
}
