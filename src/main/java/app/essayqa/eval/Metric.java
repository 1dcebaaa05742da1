package app.essayqa.eval;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The figures a suite run reports. Ranked metrics carry a cut-off {@code @k} in their names. */
enum Metric {
  /** Answerable cases with evidence: share whose evidence is in one of the first k quotes. */
  HIT("hit", true, true),
  /** Same cases: mean of 1/rank of the first quote holding evidence, 0 beyond k. */
  MRR("mrr", true, true),
  /** Same cases: binary-relevance nDCG over the first k quotes (see {@link Ranking#ndcgAt}). */
  NDCG("ndcg", true, true),
  /** Cases with answer_contains: mean share of term groups the answer text satisfies. */
  ANSWER_RECALL("answer_recall", false, true),
  /** Of the cases the system refused, the share that should have been refused. */
  ABSTENTION_PRECISION("abstention_precision", false, true),
  /** Of the abstain cases, the share the system refused. */
  ABSTENTION_RECALL("abstention_recall", false, true),
  /** Of the answerable cases, the share not refused (1 minus the refusal rate). */
  ANSWERED("answered", false, true),
  /** Of all quotes shown, the share found verbatim at their offsets in the seed text. */
  FAITHFULNESS("faithfulness", false, true),
  /** Mean length in characters of the answers given (refusals excluded). */
  ANSWER_CHARS("answer_chars", false, false),
  /** Median time per question, milliseconds, as measured around the call. */
  LATENCY_P50("latency_p50_ms", false, false),
  /** 95th percentile time per question, milliseconds. */
  LATENCY_P95("latency_p95_ms", false, false);

  private final String label;
  private final boolean ranked;
  private final boolean higherIsBetter;

  Metric(String label, boolean ranked, boolean higherIsBetter) {
    this.label = label;
    this.ranked = ranked;
    this.higherIsBetter = higherIsBetter;
  }

  String label() {
    return label;
  }

  boolean ranked() {
    return ranked;
  }

  /** A threshold on a metric where higher is better is a minimum, otherwise a maximum. */
  boolean higherIsBetter() {
    return higherIsBetter;
  }

  static Optional<Metric> byLabel(String label) {
    return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
  }

  /** For messages: every name a threshold may use. */
  static String names() {
    return Arrays.stream(values())
        .map(m -> m.ranked ? m.label + "@K" : m.label)
        .collect(Collectors.joining(", "));
  }
}
