package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.index.Vectors;
import app.essayqa.question.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks by cosine similarity of MiniLM vectors: a weighted mean of the similarity to the sentence
 * and to its context, so a sentence is found by what it says and, less, by what stands around it.
 * The sentence's own similarity is in part the best of it and its clauses, so one clause that
 * answers is not drowned by the rest of a long sentence. A brute-force scan: an essay has hundreds
 * of sentences, and a scan of them takes microseconds, far below the cost of embedding the
 * question.
 */
public final class DenseRetriever implements Retriever {
  private final List<Passage> passages;
  private final float[][] sentenceVectors;
  private final float[][] contextVectors;
  private final float[][] clauseVectors;
  private final int[] firstClause;
  private final double contextWeight;
  private final double clauseWeight;

  /**
   * Vectors must be unit length, one row per passage, in passage-id order.
   *
   * @param clauseVectors clause views, passage by passage; {@code firstClause} indexes them as in
   *     {@link app.essayqa.index.EssayIndex}
   * @param contextWeight how much the context's similarity counts against the sentence's own
   * @param clauseWeight the share (0 to 1) of the sentence's similarity taken from the best of it
   *     and its clauses rather than from the whole sentence alone
   */
  public DenseRetriever(
      List<Passage> passages,
      float[][] sentenceVectors,
      float[][] contextVectors,
      float[][] clauseVectors,
      int[] firstClause,
      double contextWeight,
      double clauseWeight) {
    if (sentenceVectors.length != passages.size() || contextVectors.length != passages.size()) {
      throw new IllegalArgumentException(
          "vectors for "
              + sentenceVectors.length
              + "/"
              + contextVectors.length
              + " passages, expected "
              + passages.size());
    }
    if (firstClause.length != passages.size() + 1
        || firstClause[passages.size()] != clauseVectors.length) {
      throw new IllegalArgumentException(
          "clause index for "
              + (firstClause.length - 1)
              + " passages and "
              + clauseVectors.length
              + " clauses does not match "
              + passages.size()
              + " passages");
    }
    this.passages = List.copyOf(passages);
    this.sentenceVectors = sentenceVectors;
    this.contextVectors = contextVectors;
    this.clauseVectors = clauseVectors;
    this.firstClause = firstClause.clone();
    this.contextWeight = contextWeight;
    this.clauseWeight = clauseWeight;
  }

  @Override
  public List<ScoredPassage> retrieve(Query query, int limit) {
    List<ScoredPassage> scored = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      double dense = score(query, p);
      scored.add(new ScoredPassage(p, dense, 0, dense, List.of()));
    }
    scored.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
  }

  /** The dense score of one passage, for passages another retriever found. */
  public double score(Query query, Passage p) {
    return score(query.embedding(), p);
  }

  /** The dense score of one passage for a question's vector. */
  public double score(float[] question, Passage p) {
    double whole = Vectors.dot(question, sentenceVectors[p.id()]);
    double best = whole;
    for (int i = firstClause[p.id()]; i < firstClause[p.id() + 1]; i++) {
      best = Math.max(best, Vectors.dot(question, clauseVectors[i]));
    }
    double s = (1 - clauseWeight) * whole + clauseWeight * best;
    double c = Vectors.dot(question, contextVectors[p.id()]);
    return (s + contextWeight * c) / (1 + contextWeight);
  }
}
