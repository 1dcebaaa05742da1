package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import java.util.List;

/**
 * A passage with the scores that ranked it.
 *
 * @param dense cosine similarity of question and passage (the better of sentence and context)
 * @param bm25 Lucene BM25 score, 0 when no term matched
 * @param fused the score the final order follows
 * @param matchedTerms analysed question terms present in the passage or its context
 */
public record ScoredPassage(
    Passage passage, double dense, double bm25, double fused, List<String> matchedTerms) {
  public ScoredPassage {
    matchedTerms = List.copyOf(matchedTerms);
  }

  public ScoredPassage withFused(double newFused) {
    return new ScoredPassage(passage, dense, bm25, newFused, matchedTerms);
  }
}
