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

  private String context(Document document, Paragraph paragraph, int index) {
    List<Sentence> sentences = paragraph.sentences();
    int from = Math.max(0, index - contextSentences);
    int to = Math.min(sentences.size(), index + contextSentences + 1);
    StringBuilder context = new StringBuilder(paragraph.section()).append(". ");
    if (paragraph.section().equals(DocumentParser.ABOUT_AUTHOR)
        && paragraph.kind() == ParagraphKind.BODY
        && document.author().isPresent()) {
      // A byline says who wrote the piece without the words a reader asks with ("who wrote it").
      context.append("The author ").append(document.author().get()).append(" wrote this piece. ");
    }
    if (sentences.size() == 1
        && paragraph.text().length() < 200
        && paragraph.kind() == ParagraphKind.BODY) {
      // A one-sentence paragraph (the author's bio) says little alone: its neighbours in the
      // section do.
      // Paragraph numbers are positions (1-based), so the neighbours are looked up, not searched
      // for: a scan of the whole document per short paragraph would be quadratic.
      List<Paragraph> all = document.paragraphs();
      for (int k = Math.max(0, paragraph.number() - 3);
          k < Math.min(all.size(), paragraph.number() + 2);
          k++) {
        Paragraph p = all.get(k);
        if (p.section().equals(paragraph.section()) && p.kind().searchable()) {
          context.append(p.text()).append(' ');
        }
      }
      return context.toString().strip();
    }
    for (int k = from; k < to; k++) {
      context.append(sentences.get(k).text()).append(' ');
    }
    return context.toString().strip();
  }
}
