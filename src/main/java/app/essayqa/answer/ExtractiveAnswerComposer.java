package app.essayqa.answer;

import app.essayqa.index.Passage;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers with sentences quoted from the essays: the best passage, plus a second sentence when it
 * continues the first or covers a part of the question the first leaves out, within a length
 * budget. Sentences appear in document order, each marked with its citation number; citations run
 * in rank order. Every quote is checked against the document text before it is returned.
 */
public final class ExtractiveAnswerComposer implements AnswerComposer {
  private final Library library;
  private final int topK;
  private final int maxSentences;
  private final int maxChars;

  public ExtractiveAnswerComposer(Library library, int topK, int maxSentences, int maxChars) {
    this.library = library;
    this.topK = topK;
    this.maxSentences = maxSentences;
    this.maxChars = maxChars;
  }

  @Override
  public Composed compose(String question, List<ScoredPassage> ranked, List<String> contentTerms) {
    return compose(ranked, contentTerms);
  }

  /** Quotes the best of {@code ranked}, whatever was asked: overviews and continuations. */
  public Composed compose(List<ScoredPassage> ranked, List<String> contentTerms) {
    List<ScoredPassage> cited = distinct(ranked, topK);
    List<ScoredPassage> chosen = chooseSentences(cited, contentTerms);
    Map<Integer, Integer> numberById = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    for (ScoredPassage sp : cited) {
      int n = citations.size() + 1;
      numberById.put(sp.passage().id(), n);
      citations.add(cite(n, sp));
    }
    List<ScoredPassage> inDocumentOrder = new ArrayList<>(chosen);
    inDocumentOrder.sort(Comparator.comparingInt(sp -> sp.passage().id()));
    StringBuilder text = new StringBuilder();
    for (ScoredPassage sp : inDocumentOrder) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(sp.passage().text())
          .append(" [")
          .append(numberById.get(sp.passage().id()))
          .append(']');
    }
    return new Composed(text.toString(), citations);
  }

  private List<ScoredPassage> chooseSentences(
      List<ScoredPassage> cited, List<String> contentTerms) {
    ScoredPassage best = cited.get(0);
    List<ScoredPassage> chosen = new ArrayList<>(List.of(best));
    int length = best.passage().text().length();
    Set<String> covered = new HashSet<>(best.coveredTerms());
    for (ScoredPassage candidate : cited.subList(1, cited.size())) {
      if (chosen.size() >= maxSentences) {
        break;
      }
      int added = candidate.passage().text().length() + 1;
      if (length + added > maxChars) {
        continue;
      }
      boolean continues =
          adjacent(best.passage(), candidate.passage()) && candidate.fused() >= 0.8 * best.fused();
      boolean addsTerms =
          candidate.coveredTerms().stream()
                  .anyMatch(t -> contentTerms.contains(t) && !covered.contains(t))
              && candidate.dense() >= best.dense() - 0.05;
      if (continues || addsTerms) {
        chosen.add(candidate);
        length += added;
        covered.addAll(candidate.coveredTerms());
      }
    }
    return chosen;
  }

  private static boolean adjacent(Passage a, Passage b) {
    return a.documentId().equals(b.documentId())
        && a.paragraph() == b.paragraph()
        && Math.abs(a.sentence() - b.sentence()) == 1;
  }

  /** The first {@code limit} passages, skipping any whose sentence repeats one already taken. */
  private static List<ScoredPassage> distinct(List<ScoredPassage> ranked, int limit) {
    List<ScoredPassage> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ScoredPassage sp : ranked) {
      if (result.size() >= limit) {
        break;
      }
      if (seen.add(sp.passage().text().strip())) {
        result.add(sp);
      }
    }
    return result;
  }

  /**
   * The citation numbered {@code n} for a passage, its quote taken from the document text at the
   * passage's offsets (and checked to be the passage's text).
   */
  public Citation cite(int n, ScoredPassage sp) {
    Passage p = sp.passage();
    Document document =
        library
            .document(p.documentId())
            .orElseThrow(() -> new IllegalStateException("no document " + p.documentId()));
    String quote = document.text().substring(p.start(), p.end());
    if (!quote.equals(p.text())) {
      // Offsets that drifted from the text would cite something the essay does not say there.
      throw new IllegalStateException("quote at " + p.locator() + " is not verbatim");
    }
    return new Citation(
        n,
        p.documentId(),
        p.documentTitle(),
        p.section(),
        p.paragraph(),
        p.sentence(),
        p.start(),
        p.end(),
        quote,
        sp.fused(),
        document.pageAt(p.start()));
  }

  /** A short label for a paragraph near the question, named in an abstaining answer. */
  public static String topicOf(Paragraph paragraph) {
    String first =
        paragraph.sentences().isEmpty() ? paragraph.text() : paragraph.sentences().get(0).text();
    int cut = first.lastIndexOf(' ', 88);
    String label = first.length() <= 90 ? first : first.substring(0, cut > 0 ? cut : 89) + "…";
    return label + " (" + paragraph.section() + ", ¶" + paragraph.number() + ")";
  }
}
