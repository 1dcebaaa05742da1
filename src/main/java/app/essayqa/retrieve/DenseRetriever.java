package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks by cosine similarity of MiniLM vectors. A passage scores the better of its sentence and its
 * context vector. A brute-force scan: an essay has hundreds of sentences, and a scan of them takes
 * microseconds, far below the cost of embedding the question.
 */
public final class DenseRetriever implements Retriever {
  private final List<Passage> passages;
  private final float[][] sentenceVectors;
  private final float[][] contextVectors;

  /** Vectors must be unit length, one row per passage, in passage-id order. */
  public DenseRetriever(List<Passage> passages, float[][] sentenceVectors, float[][] contextVectors) {
    if (sentenceVectors.length != passages.size() || contextVectors.length != passages.size()) {
      throw new IllegalArgumentException(
          "vectors for " + sentenceVectors.length + "/" + contextVectors.length
              + " passages, expected " + passages.size());
    }
    this.passages = List.copyOf(passages);
    this.sentenceVectors = sentenceVectors;
    this.contextVectors = contextVectors;
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
    return Math.max(s, c);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
