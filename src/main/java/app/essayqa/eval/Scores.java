package app.essayqa.eval;

import app.essayqa.answer.Generation;
import java.util.Arrays;
import java.util.List;

/**
 * Running totals over the cases of one scope (a suite, or the cases carrying one tag). Mutable
 * accumulator, one per scope and run; not thread-safe. Memory is constant except the latency
 * samples, 8 bytes per case, kept so percentiles are exact rather than bucketed.
 */
final class Scores {
  private final int[] ks;
  private final double[] hitSum;
  private final double[] rrSum;
  private final double[] ndcgSum;
  private int cases;
  private int passed;
  private int retrievalCases;
  private int termCases;
  private double termRecallSum;
  private int abstainCases;
  private int abstainedOnAbstainCases;
  private int abstainedTotal;
  private int answerableCases;
  private int answeredAnswerable;
  private int quotes;
  private int faithfulQuotes;
  private int shortCases;
  private int shortMatched;
  private int typedAnswered;
  private int typedShort;
  private int answers;
  private long answerChars;
  private double[] latencies = new double[64];
  private int generated;
  private int fallbacks;
  private int citationsMade;
  private int citationsVerified;
  private int modelCalls;
  private double[] modelLatencies = new double[16];

  /**
   * @param ks the cut-offs to compute ranked metrics at
   */
  Scores(int[] ks) {
    this.ks = ks.clone();
    Arrays.sort(this.ks);
    hitSum = new double[ks.length];
    rrSum = new double[ks.length];
    ndcgSum = new double[ks.length];
  }

  void add(CaseResult r) {
    EvalCase c = r.expected();
    if (latencies.length == cases) {
      latencies = Arrays.copyOf(latencies, cases * 2);
    }
    latencies[cases++] = r.latencyMs();
    if (r.passed()) {
      passed++;
    }
    if (c.abstain()) {
      abstainCases++;
      if (r.abstained()) {
        abstainedOnAbstainCases++;
      }
    } else {
      answerableCases++;
      if (!r.abstained()) {
        answeredAnswerable++;
      }
      if (!c.evidence().isEmpty()) {
        retrievalCases++;
        List<Boolean> relevance = r.relevance();
        for (int i = 0; i < ks.length; i++) {
          hitSum[i] += Ranking.hitAt(relevance, ks[i]);
          rrSum[i] += Ranking.reciprocalRankAt(relevance, ks[i]);
          ndcgSum[i] += Ranking.ndcgAt(relevance, ks[i]);
        }
      }
      if (c.shortAnswer().isPresent()) {
        shortCases++;
        if (r.shortMatches()) {
          shortMatched++;
        }
      }
      if (r.typedFact() && !r.abstained()) {
        typedAnswered++;
        if (r.shortAnswer().isPresent()) {
          typedShort++;
        }
      }
      if (!c.answerContains().isEmpty()) {
        termCases++;
        termRecallSum += (double) r.groupsSatisfied() / c.answerContains().size();
      }
    }
    if (r.abstained()) {
      abstainedTotal++;
    } else {
      answers++;
      answerChars += r.answer().length();
    }
    r.generation().ifPresent(this::addGeneration);
    for (QuoteResult q : r.quotes()) {
      quotes++;
      if (q.faithful()) {
        faithfulQuotes++;
      }
    }
  }

  private void addGeneration(Generation g) {
    generated++;
    if (g.fallback().isPresent()) {
      fallbacks++;
    }
    citationsMade += g.citationsMade();
    citationsVerified += g.citationsVerified();
    if (g.attempts() > 0) {
      if (modelLatencies.length == modelCalls) {
        modelLatencies = Arrays.copyOf(modelLatencies, modelCalls * 2);
      }
      modelLatencies[modelCalls++] = g.modelMs();
    }
  }

  int cases() {
    return cases;
  }

  /** Cases whose answer a language model was asked for. */
  int generated() {
    return generated;
  }

  int passed() {
    return passed;
  }

  /** Time spent answering, over all cases of this scope. */
  double totalLatencyMs() {
    double sum = 0;
    for (int i = 0; i < cases; i++) {
      sum += latencies[i];
    }
    return sum;
  }

  /** The figure, or NaN when this scope has no case it can be measured on. */
  double value(MetricKey key) {
    return switch (key.metric()) {
      case HIT -> ratio(hitSum[index(key.k())], retrievalCases);
      case MRR -> ratio(rrSum[index(key.k())], retrievalCases);
      case NDCG -> ratio(ndcgSum[index(key.k())], retrievalCases);
      case ANSWER_RECALL -> ratio(termRecallSum, termCases);
      case ABSTENTION_PRECISION -> ratio(abstainedOnAbstainCases, abstainedTotal);
      case ABSTENTION_RECALL -> ratio(abstainedOnAbstainCases, abstainCases);
      case ANSWERED -> ratio(answeredAnswerable, answerableCases);
      case FAITHFULNESS -> ratio(faithfulQuotes, quotes);
      case SHORT_EXACT -> ratio(shortMatched, shortCases);
      case SHORT_PRESENT -> ratio(typedShort, typedAnswered);
      case ANSWER_CHARS -> ratio(answerChars, answers);
      case LATENCY_P50 -> percentile(latencies, cases, 0.50);
      case LATENCY_P95 -> percentile(latencies, cases, 0.95);
      case VERIFIED_CITATIONS -> ratio(citationsVerified, citationsMade);
      case FALLBACK_RATE -> ratio(fallbacks, generated);
      case MODEL_LATENCY_P50 -> percentile(modelLatencies, modelCalls, 0.50);
      case MODEL_LATENCY_P95 -> percentile(modelLatencies, modelCalls, 0.95);
    };
  }

  private int index(int k) {
    int i = Arrays.binarySearch(ks, k);
    if (i < 0) {
      throw new IllegalArgumentException(
          "k=" + k + " was not computed (have " + Arrays.toString(ks) + ")");
    }
    return i;
  }

  private static double ratio(double part, double whole) {
    return whole == 0 ? Double.NaN : part / whole;
  }

  /** Nearest-rank percentile: the smallest sample with at least {@code p} of them at or below. */
  private static double percentile(double[] samples, int count, double p) {
    if (count == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * count);
    return sorted[Math.max(0, rank - 1)];
  }
}
