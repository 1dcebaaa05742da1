package app.essayqa.ingest;

import java.util.List;
import java.util.Optional;

/**
 * One seed file, parsed.
 *
 * @param id the file name, unique within the seeds folder
 * @param title the first line
 * @param author the byline's name, when the document has one
 * @param text the whole file as read (every offset points into it)
 * @param sections the section headings in order, the title first
 */
public record Document(
    String id,
    String title,
    Optional<String> author,
    String text,
    List<String> sections,
    List<Paragraph> paragraphs) {
  public Document {
    sections = List.copyOf(sections);
    paragraphs = List.copyOf(paragraphs);
  }

  /** The paragraph with this 1-based number, if there is one. */
  public Optional<Paragraph> paragraph(int number) {
    return number >= 1 && number <= paragraphs.size()
        ? Optional.of(paragraphs.get(number - 1))
        : Optional.empty();
  }
}
