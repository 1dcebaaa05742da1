package app.essayqa.ingest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One seed file, parsed.
 *
 * @param id the file name, unique within the seeds folder
 * @param title the first line
 * @param author the byline's name, when the document has one
 * @param text the whole file as read, or the text extracted from it (every offset points into it)
 * @param sections the section headings in order, the title first
 * @param pageStarts for a paged format (PDF), the offset in {@code text} where each page starts,
 *     page 1 first; empty for formats without pages
 */
public record Document(
    String id,
    String title,
    Optional<String> author,
    String text,
    List<String> sections,
    List<Paragraph> paragraphs,
    List<Integer> pageStarts) {
  public Document {
    sections = List.copyOf(sections);
    paragraphs = List.copyOf(paragraphs);
    // An index written before pages existed has no such field.
    pageStarts = pageStarts == null ? List.of() : List.copyOf(pageStarts);
  }

  /** A document without pages. */
  public Document(
      String id,
      String title,
      Optional<String> author,
      String text,
      List<String> sections,
      List<Paragraph> paragraphs) {
    this(id, title, author, text, sections, paragraphs, List.of());
  }

  /** The paragraph with this 1-based number, if there is one. */
  public Optional<Paragraph> paragraph(int number) {
    return number >= 1 && number <= paragraphs.size()
        ? Optional.of(paragraphs.get(number - 1))
        : Optional.empty();
  }

  /** The 1-based page the character at {@code offset} stands on; empty without pages. */
  public OptionalInt pageAt(int offset) {
    return Pages.at(pageStarts, offset);
  }
}
