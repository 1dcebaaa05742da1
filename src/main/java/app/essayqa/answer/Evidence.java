package app.essayqa.answer;

import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one candidate passage ranked where it did.
 *
 * @param locator where the passage is, e.g. {@code essay.txt ¶6.1}
 * @param rank 1-based rank after fusion
 * @param dense cosine similarity of question and passage (-1..1)
 * @param bm25 Lucene BM25 score, 0 when no term matched
 * @param fused the fused score that ranked it
 * @param matchedTerms the analysed question terms found in the passage
 * @param late token-by-token similarity of question and sentence (0..1), 0 when not computed
 * @param judgement what abstention made of it, for the passages it judged
 */
public record Evidence(
    String locator,
    int rank,
    double dense,
    double bm25,
    double fused,
    List<String> matchedTerms,
    String text,
    double late,
    Optional<Judgement> judgement) {
  public Evidence {
    matchedTerms = List.copyOf(matchedTerms);
    Objects.requireNonNull(judgement, "judgement");
  }

  /** Evidence without a late-interaction score. */
  public Evidence(
      String locator,
      int rank,
      double dense,
      double bm25,
      double fused,
      List<String> matchedTerms,
      String text) {
    this(locator, rank, dense, bm25, fused, matchedTerms, text, 0, Optional.empty());
  }

  /** The evidence of each ranked passage, in rank order, with what abstention made of each. */
  public static List<Evidence> of(List<ScoredPassage> ranked, List<Judgement> judged) {
    Map<Integer, Judgement> byId = new HashMap<>();
    judged.forEach(j -> byId.put(j.passageId(), j));
    List<Evidence> evidence = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      ScoredPassage sp = ranked.get(i);
      evidence.add(
          new Evidence(
              sp.passage().locator(),
              i + 1,
              sp.dense(),
              sp.bm25(),
              sp.fused(),
              sp.matchedTerms(),
              sp.passage().text(),
              sp.late(),
              Optional.ofNullable(byId.get(sp.passage().id()))));
    }
    return evidence;
  }
}
