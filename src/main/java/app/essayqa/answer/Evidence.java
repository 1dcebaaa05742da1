package app.essayqa.answer;

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
}
