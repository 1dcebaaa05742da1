package app.essayqa.index;

import app.essayqa.ingest.ParagraphKind;
import java.util.Objects;

/**
 * One retrieval unit: a sentence, with the text around it that gives it context.
 *
 * @param id 0-based position in the index, stable for the same seeds and settings
 * @param documentId the seed file name
 * @param section heading of the section the sentence stands in
 * @param paragraph 1-based paragraph number in the document
 * @param sentence 1-based sentence number in the paragraph
 * @param start offset of the sentence in the document text (inclusive)
 * @param end offset after the sentence (exclusive)
 * @param text the sentence, verbatim
 * @param context the section heading and the neighbouring sentences, embedded and searched beside
 *     the sentence so that a sentence that leans on its neighbours ("This endeavour…") is found
 */
public record Passage(
    int id,
    String documentId,
    String documentTitle,
    String section,
    ParagraphKind kind,
    int paragraph,
    int sentence,
    int start,
    int end,
    String text,
    String context) {

  public Passage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
  }

  /** E.g. {@code essay.txt ¶6.1}. */
  public String locator() {
    return documentId + " ¶" + paragraph + "." + sentence;
  }
}
