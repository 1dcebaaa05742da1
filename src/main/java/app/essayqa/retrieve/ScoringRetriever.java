package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.question.Query;

/**
 * The retriever the retrieve stage ranks with ({@link PassageFinder}): a {@link Retriever} whose
 * passages carry every score the later stages read (dense, BM25, late, matched terms), and that can
 * score a passage it did not return, as a question about the author needs for the bio. The
 * in-process {@link HybridRetriever} is one; a retriever over a search cluster (hybrid BM25 and kNN
 * in OpenSearch) would be another, with no change to the stages above. Thread-safe.
 */
public interface ScoringRetriever extends Retriever {
  /** Every score of {@code passage} for {@code query}, its fused score 0; never null. */
  ScoredPassage score(Query query, Passage passage);
}
