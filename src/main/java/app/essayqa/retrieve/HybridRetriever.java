package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.question.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs dense, BM25 and late-interaction retrieval and fuses them, by weighted reciprocal rank
 * ({@code rrf}) or by a weighted sum of cosine, max-normalised BM25 and late score ({@code blend}).
 * Every returned passage carries all its scores and its matched terms, whichever list found it,
 * since abstention and {@code :debug} need them.
 */
public final class HybridRetriever implements ScoringRetriever {
  /** How the three rankings (dense, BM25, late interaction) are combined into one. */
  public enum Fusion {
    RRF,
    BLEND
  }

  private final DenseRetriever dense;
  private final Bm25Retriever bm25;
  private final LateInteractionReranker late;
  private final Fusion fusion;
  private final ReciprocalRankFuser fuser;
  private final double denseWeight;
  private final double bm25Weight;
  private final double lateWeight;
  private final int candidates;

  public HybridRetriever(
      DenseRetriever dense,
      Bm25Retriever bm25,
      LateInteractionReranker late,
      Fusion fusion,
      int rrfK,
      double denseWeight,
      double bm25Weight,
      double lateWeight,
      int candidates) {
    this.dense = dense;
    this.bm25 = bm25;
    this.late = late;
    this.lateWeight = lateWeight;
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
    // Late interaction reorders what the other two found rather than scanning every sentence: its
    // cost then stays flat however many seeds there are (measured on the suite: same figures).
    List<ScoredPassage> byTokens =
        lateWeight > 0 ? late.rerank(query, List.of(byMeaning, byWords)) : List.of();
    List<ScoredPassage> fused =
        fusion == Fusion.RRF
            ? fuser.fuse(
                List.of(byMeaning, byWords, byTokens), List.of(denseWeight, bm25Weight, lateWeight))
            : blend(query, byMeaning, byWords, byTokens);
    List<ScoredPassage> complete = new ArrayList<>(Math.min(limit, fused.size()));
    for (ScoredPassage sp : fused.subList(0, Math.min(limit, fused.size()))) {
      complete.add(
          new ScoredPassage(
              sp.passage(),
              dense.score(query, sp.passage()),
              sp.bm25(),
              sp.fused(),
              bm25.matchedTerms(query, sp.passage()),
              // Passages the late ranking returned carry their score already; a scan is not free.
              sp.late() != 0 || lateWeight == 0 ? sp.late() : late.score(query, sp.passage())));
    }
    return complete;
  }

  @Override
  public ScoredPassage score(Query query, Passage passage) {
    return new ScoredPassage(
        passage,
        dense.score(query, passage),
        0,
        0,
        bm25.matchedTerms(query, passage),
        lateWeight == 0 ? 0 : late.score(query, passage));
  }

  private List<ScoredPassage> blend(
      Query query,
      List<ScoredPassage> byMeaning,
      List<ScoredPassage> byWords,
      List<ScoredPassage> byTokens) {
    double maxBm25 = byWords.stream().mapToDouble(ScoredPassage::bm25).max().orElse(1);
    List<ScoredPassage> all =
        new ArrayList<>(fuser.fuse(List.of(byMeaning, byWords, byTokens), List.of(1.0, 1.0, 1.0)));
    List<ScoredPassage> scored = new ArrayList<>(all.size());
    for (ScoredPassage sp : all) {
      double cos = dense.score(query, sp.passage());
      double words = maxBm25 > 0 ? sp.bm25() / maxBm25 : 0;
      double tokens = lateWeight > 0 ? late.score(query, sp.passage()) : 0;
      scored.add(sp.withFused(denseWeight * cos + bm25Weight * words + lateWeight * tokens));
    }
    scored.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return scored;
  }
}
