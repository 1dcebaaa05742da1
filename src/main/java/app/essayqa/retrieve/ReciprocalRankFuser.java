package app.essayqa.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses ranked lists by weighted reciprocal rank: each list adds {@code weight / (k + rank)} to a
 * passage's score (rank from 1). Rank-based, so BM25's unbounded scores and cosines in [-1, 1] need
 * no common scale. Pure and deterministic; ties keep passage-id order.
 */
public final class ReciprocalRankFuser {
  private final int k;

  public ReciprocalRankFuser(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1: " + k);
    }
    this.k = k;
  }

  /**
   * @param lists ranked lists, most relevant first
   * @param weights one weight per list
   * @return every passage of any list once, by fused score, highest first; the dense and BM25
   *     scores and matched terms are merged from the lists that hold the passage
   */
  public List<ScoredPassage> fuse(List<List<ScoredPassage>> lists, List<Double> weights) {
    if (lists.size() != weights.size()) {
      throw new IllegalArgumentException(
          lists.size() + " lists but " + weights.size() + " weights");
    }
    Map<Integer, ScoredPassage> merged = new LinkedHashMap<>();
    Map<Integer, Double> scores = new LinkedHashMap<>();
    for (int l = 0; l < lists.size(); l++) {
      List<ScoredPassage> list = lists.get(l);
      for (int rank = 1; rank <= list.size(); rank++) {
        ScoredPassage sp = list.get(rank - 1);
        int id = sp.passage().id();
        scores.merge(id, weights.get(l) / (k + rank), Double::sum);
        merged.merge(id, sp, ReciprocalRankFuser::combine);
      }
    }
    List<ScoredPassage> fused = new ArrayList<>();
    for (Map.Entry<Integer, ScoredPassage> e : merged.entrySet()) {
      fused.add(e.getValue().withFused(scores.get(e.getKey())));
    }
    fused.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return fused;
  }

  private static ScoredPassage combine(ScoredPassage a, ScoredPassage b) {
    return new ScoredPassage(
        a.passage(),
        Math.max(a.dense(), b.dense()),
        Math.max(a.bm25(), b.bm25()),
        0,
        a.matchedTerms().isEmpty() ? b.matchedTerms() : a.matchedTerms(),
        Math.max(a.late(), b.late()));
  }
}
