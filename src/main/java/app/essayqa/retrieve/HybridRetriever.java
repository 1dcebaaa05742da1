package app.essayqa.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs dense and BM25 retrieval and fuses them, by weighted reciprocal rank ({@code rrf}) or by a
 * weighted sum of cosine and max-normalised BM25 ({@code blend}). Every returned passage carries
 * both its dense score and its matched terms, whichever list found it, since abstention and
 * {@code :debug} need both.
 */
public final class HybridRetriever implements Retriever {
  /** How the two rankings are combined. */
  public enum Fusion {
    RRF,
    BLEND
  }

  private final DenseRetriever dense;
  private final Bm25Retriever bm25;
  private final Fusion fusion;
  private final ReciprocalRankFuser fuser;
  private final double denseWeight;
  private final double bm25Weight;
  private final int candidates;

  public HybridRetriever(
      DenseRetriever dense,
      Bm25Retriever bm25,
      Fusion fusion,
      int rrfK,
      double denseWeight,
      double bm25Weight,
      int candidates) {
    this.dense = dense;
    this.bm25 = bm25;
    this.fusion = fusion;
    this.fuser = new ReciprocalRankFuser(rrfK);
    this.denseWeight = denseWeight;
    this.bm25Weight = bm25Weight;
    this.candidates = candidates;
  }

  @Override
  public List<ScoredPassage> retrieve(Query query, int limit) {
    List<ScoredPassage> byMeaning = dense.retrieve(query, candidates);
    List<ScoredPassage> byWords = bm25.retrieve(query, candidates);
    List<ScoredPassage> fused =
        fusion == Fusion.RRF
            ? fuser.fuse(List.of(byMeaning, byWords), List.of(denseWeight, bm25Weight))
            : blend(query, byMeaning, byWords);
    List<ScoredPassage> complete = new ArrayList<>(Math.min(limit, fused.size()));
    for (ScoredPassage sp : fused.subList(0, Math.min(limit, fused.size()))) {
      complete.add(
          new ScoredPassage(
              sp.passage(),
              dense.score(query, sp.passage()),
              sp.bm25(),
              sp.fused(),
              bm25.matchedTerms(query, sp.passage())));
    }
    return complete;
  }

  private List<ScoredPassage> blend(
      Query query, List<ScoredPassage> byMeaning, List<ScoredPassage> byWords) {
    double maxBm25 = byWords.stream().mapToDouble(ScoredPassage::bm25).max().orElse(1);
    List<ScoredPassage> all = new ArrayList<>(fuser.fuse(List.of(byMeaning, byWords), List.of(1.0, 1.0)));
    List<ScoredPassage> scored = new ArrayList<>(all.size());
    for (ScoredPassage sp : all) {
      double cos = dense.score(query, sp.passage());
      double words = maxBm25 > 0 ? sp.bm25() / maxBm25 : 0;
      scored.add(sp.withFused(denseWeight * cos + bm25Weight * words));
    }
    scored.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return scored;
  }
}
