package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.index.VectorRows;
import app.essayqa.question.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks by cosine similarity of MiniLM vectors: a weighted mean of the similarity to the sentence
 * and to its context, so a sentence is found by what it says and, less, by what stands around it.
 * The sentence's own similarity is in part the best of it and its clauses, so one clause that
 * answers is not drowned by the rest of a long sentence. Which passages are scored is up to its
 * {@link Candidates}: every one (a scan, the fastest for a small library) or those an approximate
 * nearest-neighbour search finds ({@link KnnCandidates}); the score itself is always exact, from
 * the float vectors.
 */
public final class DenseRetriever implements Retriever {
  /** The passages worth scoring for a question. Thread-safe. */
  public interface Candidates {
    /**
     * Passage ids, each once, among which the {@code limit} best by the dense score are (all of
     * them, or by an approximate search: most of them); never null.
     */
    int[] find(float[] query, int limit);
  }

  private final Candidates candidates;
  private final List<Passage> passages;
  private final VectorRows sentenceVectors;
  private final VectorRows contextVectors;
  private final VectorRows clauseVectors;
  private final int[] firstClause;
  private final double contextWeight;
  private final double clauseWeight;

  /**
   * A scan of every passage. Vectors must be unit length, one row per passage, in passage-id order.
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
    this(
        passages,
        VectorRows.of(sentenceVectors, dim(sentenceVectors)),
        VectorRows.of(contextVectors, dim(sentenceVectors)),
        VectorRows.of(clauseVectors, dim(sentenceVectors)),
        firstClause,
        contextWeight,
        clauseWeight,
        null);
  }

  private static int dim(float[][] rows) {
    return rows.length == 0 ? 384 : rows[0].length;
  }

  /** As the scan, scoring only what {@code candidates} finds (null: every passage). */
  public DenseRetriever(
      List<Passage> passages,
      VectorRows sentenceVectors,
      VectorRows contextVectors,
      VectorRows clauseVectors,
      int[] firstClause,
      double contextWeight,
      double clauseWeight,
      Candidates candidates) {
    if (sentenceVectors.rows() != passages.size() || contextVectors.rows() != passages.size()) {
      throw new IllegalArgumentException(
          "vectors for "
              + sentenceVectors.rows()
              + "/"
              + contextVectors.rows()
              + " passages, expected "
              + passages.size());
    }
    if (firstClause.length != passages.size() + 1
        || firstClause[passages.size()] != clauseVectors.rows()) {
      throw new IllegalArgumentException(
          "clause index for "
              + (firstClause.length - 1)
              + " passages and "
              + clauseVectors.rows()
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
    this.candidates = candidates;
  }

  @Override
  public List<ScoredPassage> retrieve(Query query, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<ScoredPassage> scored;
    if (candidates == null) {
      scored = new ArrayList<>(passages.size());
      for (Passage p : passages) {
        double dense = score(query, p);
        scored.add(new ScoredPassage(p, dense, 0, dense, List.of()));
      }
    } else {
      int[] ids = candidates.find(query.embedding(), limit);
      scored = new ArrayList<>(ids.length);
      for (int id : ids) {
        Passage p = passages.get(id);
        double dense = score(query, p);
        scored.add(new ScoredPassage(p, dense, 0, dense, List.of()));
      }
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
    double whole = sentenceVectors.dot(p.id(), question);
    double best = whole;
    for (int i = firstClause[p.id()]; i < firstClause[p.id() + 1]; i++) {
      best = Math.max(best, clauseVectors.dot(i, question));
    }
    double s = (1 - clauseWeight) * whole + clauseWeight * best;
    double c = contextVectors.dot(p.id(), question);
    return (s + contextWeight * c) / (1 + contextWeight);
  }
}
