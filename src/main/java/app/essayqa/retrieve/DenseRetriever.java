package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks by cosine similarity of MiniLM vectors: a weighted mean of the similarity to the sentence
 * and to its context, so a sentence is found by what it says and, less, by what stands around it. A brute-force scan: an essay has hundreds of sentences, and a scan of them takes
 * microseconds, far below the cost of embedding the question.
 */
public final class DenseRetriever implements Retriever {
  private final List<Passage> passages;
  private final float[][] sentenceVectors;
  private final float[][] contextVectors;
  private final double contextWeight;

  /**
   * Vectors must be unit length, one row per passage, in passage-id order.
   *
   * @param contextWeight how much the context's similarity counts against the sentence's own
   */
  public DenseRetriever(
      List<Passage> passages, float[][] sentenceVectors, float[][] contextVectors, double contextWeight) {
    if (sentenceVectors.length != passages.size() || contextVectors.length != passages.size()) {
      throw new IllegalArgumentException(
          "vectors for " + sentenceVectors.length + "/" + contextVectors.length
              + " passages, expected " + passages.size());
    }
    this.passages = List.copyOf(passages);
    this.sentenceVectors = sentenceVectors;
    this.contextVectors = contextVectors;
    this.contextWeight = contextWeight;
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
    double s = dot(query.embedding(), sentenceVectors[p.id()]);
    double c = dot(query.embedding(), contextVectors[p.id()]);
    return (s + contextWeight * c) / (1 + contextWeight);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
