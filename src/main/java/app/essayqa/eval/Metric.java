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
  /**
   * Cases with a {@code short:} expectation: share whose short answer is it (case, quotes, spaces
   * and end punctuation ignored); a refusal or no short answer is a miss.
   */
  SHORT_EXACT("short_exact", false, true),
  /**
   * Answered cases whose question asks for a typed fact (when, how many, who, where, which X, what
   * an acronym stands for): share given a short answer.
   */
  SHORT_PRESENT("short_present", false, true),
  /** Mean length in characters of the answers given (refusals excluded). */
  ANSWER_CHARS("answer_chars", false, false),
  /** Median time per question, milliseconds, as measured around the call. */
  LATENCY_P50("latency_p50_ms", false, false),
  /** 95th percentile time per question, milliseconds. */
  LATENCY_P95("latency_p95_ms", false, false),
  /** Language-model answers: of the {@code [n]} markers the model wrote, the share that checked. */
  VERIFIED_CITATIONS("verified_citations", false, true, true),
  /** Of the answers a language model was asked for, the share shown extractively instead. */
  FALLBACK_RATE("fallback_rate", false, false, true),
  /** Median time spent waiting for the language model per answer, milliseconds. */
  MODEL_LATENCY_P50("model_latency_p50_ms", false, false, true),
  /** 95th percentile of the same. */
  MODEL_LATENCY_P95("model_latency_p95_ms", false, false, true);

  private final String label;
  private final boolean ranked;
  private final boolean higherIsBetter;
  private final boolean generated;

  Metric(String label, boolean ranked, boolean higherIsBetter) {
    this(label, ranked, higherIsBetter, false);
  }

  Metric(String label, boolean ranked, boolean higherIsBetter, boolean generated) {
    this.label = label;
    this.ranked = ranked;
    this.higherIsBetter = higherIsBetter;
    this.generated = generated;
  }

  /** Measured only on answers a language model was asked for ({@code answer.mode=llm}). */
  boolean generated() {
    return generated;
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
