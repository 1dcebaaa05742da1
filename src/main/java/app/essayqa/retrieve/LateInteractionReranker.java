package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.index.TokenVectors;
import app.essayqa.question.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranks by late interaction over MiniLM's token vectors: each content token of the question finds
 * its most similar token in the sentence, and the sentence scores the mean of those best matches
 * (ColBERT's MaxSim). A question matches word by word, each word read in its context, so "Which
 * organisation paid for the project" finds "sponsored" in a long sentence about the project that a
 * single averaged sentence vector ranks below shorter, vaguer ones. It reranks what cheaper
 * rankings found: a few dozen sentences' tokens take a millisecond or two to scan, and that stays
 * so however large the seeds grow.
 */
public final class LateInteractionReranker {
  private final TokenVectors tokenVectors;
  private final int[] firstToken;

  /**
   * @param tokenVectors unit-length content-token vectors, passage by passage (a passage's tokens
   *     in one part)
   * @param firstToken passage {@code i}'s tokens are rows {@code firstToken[i]} up to {@code
   *     firstToken[i + 1]} (one more entry than passages)
   */
  public LateInteractionReranker(
      List<Passage> passages, TokenVectors tokenVectors, int[] firstToken) {
    if (firstToken.length != passages.size() + 1
        || firstToken[passages.size()] != tokenVectors.rows()) {
      throw new IllegalArgumentException(
          "token index for "
              + (firstToken.length - 1)
              + " passages and "
              + tokenVectors.rows()
              + " tokens does not match "
              + passages.size()
              + " passages");
    }
    this.tokenVectors = tokenVectors;
    this.firstToken = firstToken.clone();
  }

  /**
   * The passages of the given rankings, once each, ranked by late interaction; empty when the query
   * has no token vectors.
   */
  public List<ScoredPassage> rerank(Query query, List<List<ScoredPassage>> rankings) {
    if (query.tokenVectors().length == 0) {
      return List.of();
    }
    Set<Integer> seen = new HashSet<>();
    List<ScoredPassage> scored = new ArrayList<>();
    for (List<ScoredPassage> ranking : rankings) {
      for (ScoredPassage sp : ranking) {
        if (seen.add(sp.passage().id())) {
          double late = score(query, sp.passage());
          scored.add(new ScoredPassage(sp.passage(), 0, 0, late, List.of(), late));
        }
      }
    }
    scored.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return scored;
  }

  /**
   * The mean over the question's tokens of the best cosine with a token of the passage; 0 if none.
   */
  public double score(Query query, Passage p) {
    double[] best = bestDots(query, p);
    double total = 0;
    for (double b : best) {
      total += b;
    }
    return best.length == 0 ? 0 : total / best.length;
  }

  /**
   * The best cosine of the question token the passage matches worst: low when the question asks
   * about something the sentence says nothing of ("Who chaired the meeting?" of a sentence about
   * the meeting that names no chair), whatever the other words share. 0 when not computed.
   */
  public double weakest(Query query, Passage p) {
    double[] best = bestDots(query, p);
    double weakest = best.length == 0 ? 0 : 1;
    for (double b : best) {
      weakest = Math.min(weakest, b);
    }
    return weakest;
  }

  /** Each question token's best cosine with a token of the passage; empty if either has none. */
  private double[] bestDots(Query query, Passage p) {
    float[][] question = query.tokenVectors();
    int from = firstToken[p.id()];
    int to = firstToken[p.id() + 1];
    if (question.length == 0 || from == to) {
      return new double[0];
    }
    return tokenVectors.bestDots(from, to, question);
  }
}
