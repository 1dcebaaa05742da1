package app.essayqa.answer;

import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.List;

/**
 * Why one candidate passage ranked where it did.
 *
 * @param locator where the passage is, e.g. {@code essay.txt ¶6.1}
 * @param rank 1-based rank after fusion
 * @param dense cosine similarity of question and passage (-1..1)
 * @param bm25 Lucene BM25 score, 0 when no term matched
 * @param fused the fused score that ranked it
 * @param matchedTerms the analysed question terms found in the passage
 * @param late token-by-token similarity of question and sentence (0..1), 0 when not computed
 */
public record Evidence(
    String locator,
    int rank,
    double dense,
    double bm25,
    double fused,
    List<String> matchedTerms,
    String text,
    double late) {
  public Evidence {
    matchedTerms = List.copyOf(matchedTerms);
  }

  /** Evidence without a late-interaction score. */
  public Evidence(
      String locator,
      int rank,
      double dense,
      double bm25,
      double fused,
      List<String> matchedTerms,
      String text) {
    this(locator, rank, dense, bm25, fused, matchedTerms, text, 0);
  }

  /** The evidence of each ranked passage, in rank order. */
  public static List<Evidence> of(List<ScoredPassage> ranked) {
    List<Evidence> evidence = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      ScoredPassage sp = ranked.get(i);
      evidence.add(
          new Evidence(
              sp.passage().locator(),
              i + 1,
              sp.dense(),
              sp.bm25(),
              sp.fused(),
              sp.matchedTerms(),
              sp.passage().text(),
              sp.late()));
    }
    return evidence;
  }
}
