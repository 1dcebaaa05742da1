package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import java.util.List;

/**
 * A passage with the scores that ranked it.
 *
 * @param dense cosine similarity of question and passage (sentence and context, weighted)
 * @param bm25 Lucene BM25 score, 0 when no term matched
 * @param fused the score the final order follows
 * @param matchedTerms analysed question terms present in the passage or its context
 * @param late token-by-token similarity of question and sentence (see {@link
 *     LateInteractionReranker}), 0 when not computed
 */
public record ScoredPassage(
    Passage passage,
    double dense,
    double bm25,
    double fused,
    List<String> matchedTerms,
    double late) {
  public ScoredPassage {
    matchedTerms = List.copyOf(matchedTerms);
  }

  /** A passage ranked without late interaction. */
  public ScoredPassage(
      Passage passage, double dense, double bm25, double fused, List<String> matchedTerms) {
    this(passage, dense, bm25, fused, matchedTerms, 0);
  }

  /** The question terms this passage covers, by themselves or through a neighbour. */
  public List<String> coveredTerms() {
    return matchedTerms.stream()
        .map(t -> t.contains("~") ? t.substring(0, t.indexOf('~')) : t)
        .toList();
  }

  public ScoredPassage withFused(double newFused) {
    return new ScoredPassage(passage, dense, bm25, newFused, matchedTerms, late);
  }
}
