package app.essayqa.eval;

import java.util.List;

/**
 * Ranking figures of one answer. {@code relevant.get(i)} says whether the quote at rank i+1 holds
 * the expected evidence; relevance is binary because a suite lists phrases, not graded judgments.
 */
final class Ranking {
  private Ranking() {}

  /** 1 when a relevant quote is among the first {@code k}, else 0. */
  static double hitAt(List<Boolean> relevant, int k) {
    int rank = firstRelevantRank(relevant);
    return rank > 0 && rank <= k ? 1 : 0;
  }

  /** 1/rank of the first relevant quote within the first {@code k}, else 0. */
  static double reciprocalRankAt(List<Boolean> relevant, int k) {
    int rank = firstRelevantRank(relevant);
    return rank > 0 && rank <= k ? 1.0 / rank : 0;
  }

  /**
   * Normalised discounted cumulative gain over the first {@code k} quotes. The ideal ranking puts
   * every relevant quote the answer returned first: a suite does not list all relevant passages of
   * the essay, so the quotes returned are the only judged set. Irrelevant quotes ranked above
   * relevant ones are what lowers it.
   */
  static double ndcgAt(List<Boolean> relevant, int k) {
    int relevantCount = (int) relevant.stream().filter(r -> r).count();
    if (relevantCount == 0) {
      return 0;
    }
    double dcg = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      if (relevant.get(i)) {
        dcg += discount(i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevantCount); i++) {
      ideal += discount(i);
    }
    return dcg / ideal;
  }

  private static double discount(int zeroBasedRank) {
    return 1 / (Math.log(zeroBasedRank + 2) / Math.log(2));
  }

  /** 1-based rank of the first relevant quote, 0 when there is none. */
  static int firstRelevantRank(List<Boolean> relevant) {
    for (int i = 0; i < relevant.size(); i++) {
      if (relevant.get(i)) {
        return i + 1;
      }
    }
    return 0;
  }
}
