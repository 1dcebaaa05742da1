package app.essayqa.index;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed documents into sentence passages. Sentences are the unit because answers quote
 * sentences and MiniLM ranks short texts best; each keeps {@code contextSentences} neighbours on
 * either side (within its paragraph) as context. Pull quotes and sign-offs are left out so that a
 * repeated sentence never competes with the body copy it repeats.
 */
public final class PassageSplitter {
  private final int contextSentences;

  public PassageSplitter(int contextSentences) {
    if (contextSentences < 0) {
      throw new IllegalArgumentException("contextSentences must be >= 0: " + contextSentences);
    }
    this.contextSentences = contextSentences;
  }

  public List<Passage> split(Library library) {
    List<Passage> passages = new ArrayList<>();
    for (Document document : library.documents()) {
      for (Paragraph paragraph : document.paragraphs()) {
        if (!paragraph.kind().searchable()) {
          continue;
        }
        List<Sentence> sentences = paragraph.sentences();
        for (int i = 0; i < sentences.size(); i++) {
          Sentence s = sentences.get(i);
          passages.add(
              new Passage(
                  passages.size(),
                  document.id(),
                  document.title(),
                  paragraph.section(),
                  paragraph.kind(),
                  paragraph.number(),
                  s.number(),
                  s.start(),
                  s.end(),
                  s.text(),
                  context(document, paragraph, i)));
        }
      }
    }
    return passages;
  }

  /**
   * One piece of a passage's context: a literal text (the heading, a line about the author), a
   * whole paragraph ({@code sentence == 0}) or one sentence of the same document. The context text
   * is these pieces in order, and its vector is composed from theirs.
   */
  public record ContextPart(String literal, int paragraph, int sentence) {}

  /** The context pieces of each passage of {@code document}, in the order of {@link #split}. */
  public List<List<ContextPart>> contextParts(Document document) {
    List<List<ContextPart>> parts = new ArrayList<>();
    for (Paragraph paragraph : document.paragraphs()) {
      if (paragraph.kind().searchable()) {
        for (int i = 0; i < paragraph.sentences().size(); i++) {
          parts.add(parts(document, paragraph, i));
        }
      }
    }
    return parts;
  }

  private String context(Document document, Paragraph paragraph, int index) {
    StringBuilder context = new StringBuilder();
    for (ContextPart part : parts(document, paragraph, index)) {
      if (part.literal() != null) {
        context.append(part.literal());
      } else {
        Paragraph p = document.paragraphs().get(part.paragraph() - 1);
        context
            .append(part.sentence() == 0 ? p.text() : p.sentences().get(part.sentence() - 1).text())
            .append(' ');
      }
    }
    return context.toString().strip();
  }

  private List<ContextPart> parts(Document document, Paragraph paragraph, int index) {
    List<Sentence> sentences = paragraph.sentences();
    int from = Math.max(0, index - contextSentences);
    int to = Math.min(sentences.size(), index + contextSentences + 1);
    List<ContextPart> parts = new ArrayList<>();
    parts.add(new ContextPart(paragraph.section() + ". ", 0, 0));
    if (paragraph.section().equals(DocumentParser.ABOUT_AUTHOR)
        && paragraph.kind() == ParagraphKind.BODY
        && document.author().isPresent()) {
      // A byline says who wrote the piece without the words a reader asks with ("who wrote it").
      parts.add(
          new ContextPart("The author " + document.author().get() + " wrote this piece. ", 0, 0));
    }
    if (sentences.size() == 1
        && paragraph.text().length() < 200
        && paragraph.kind() == ParagraphKind.BODY) {
      // A one-sentence paragraph (the author's bio) says little alone: its neighbours in the
      // section do. Paragraph numbers are positions (1-based), so the neighbours are looked up,
      // not searched for: a scan of the whole document per short paragraph would be quadratic.
      List<Paragraph> all = document.paragraphs();
      for (int k = Math.max(0, paragraph.number() - 3);
          k < Math.min(all.size(), paragraph.number() + 2);
          k++) {
        Paragraph p = all.get(k);
        if (p.section().equals(paragraph.section()) && p.kind().searchable()) {
          parts.add(new ContextPart(null, p.number(), 0));
        }
      }
      return parts;
    }
    for (int k = from; k < to; k++) {
      parts.add(new ContextPart(null, paragraph.number(), k + 1));
    }
    return parts;
  }
}
