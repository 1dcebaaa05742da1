package app.essayqa.ingest;

import java.util.List;

/**
 * A paragraph of a document.
 *
 * @param number 1-based position among the document's paragraphs (headings and the title are not
 *     paragraphs), the {@code 6} in a locator such as {@code ¶6.1}
 * @param section the heading of the section it stands in; the document title before the first
 *     heading
 * @param start offset of the first character in the document text (inclusive)
 * @param end offset after the last character (exclusive)
 */
public record Paragraph(
    int number,
    String section,
    ParagraphKind kind,
    int start,
    int end,
    String text,
    List<Sentence> sentences) {
  public Paragraph {
    sentences = List.copyOf(sentences);
  }
}
