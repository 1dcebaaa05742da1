package app.essayqa.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one suite run by one pipeline, overall and per tag, and the failed cases (up to a
 * cap, so a large failing suite still runs in flat memory; the reports hold them all).
 */
final class RunResult {
  private final Suite suite;
  private final String system;
  private final String version;
  private final int k;
  private final int[] ks;
  private final Scores overall;
  private final Map<String, Scores> perTag = new LinkedHashMap<>();
  private final List<CaseResult> failures = new ArrayList<>();
  private final int maxFailures;
  private int failedCount;

  RunResult(Suite suite, String system, String version, int k, int[] ks, int maxFailures) {
    this.suite = suite;
    this.system = system;
    this.version = version;
    this.k = k;
    this.ks = ks.clone();
    this.maxFailures = maxFailures;
    this.overall = new Scores(ks);
    for (String tag : suite.tags()) {
      perTag.put(tag, new Scores(ks));
    }
  }

  void add(CaseResult r) {
    overall.add(r);
    for (String tag : r.expected().tags()) {
      perTag.get(tag).add(r);
    }
    if (!r.passed()) {
      failedCount++;
      if (failures.size() < maxFailures) {
        failures.add(r);
      }
    }
  }

  Suite suite() {
    return suite;
  }

  String system() {
    return system;
  }

  String version() {
    return version;
  }

  int k() {
    return k;
  }

  Scores overall() {
    return overall;
  }

  Map<String, Scores> perTag() {
    return java.util.Collections.unmodifiableMap(perTag);
  }

  /** The figure for a metric, scoped to a tag when the key names one; NaN when undefined. */
  double value(MetricKey key) {
    if (key.tag().isEmpty()) {
      return overall.value(key);
    }
    Scores scores = perTag.get(key.tag());
    return scores == null ? Double.NaN : scores.value(key.untagged());
  }

  /** The metrics every table shows, in order. */
  List<MetricKey> columns() {
    List<MetricKey> keys = new ArrayList<>();
    keys.add(MetricKey.of(Metric.HIT, 1));
    if (k != 1) {
      keys.add(MetricKey.of(Metric.HIT, k));
    }
    keys.add(MetricKey.of(Metric.MRR, k));
    keys.add(MetricKey.of(Metric.NDCG, k));
    for (Metric m : Metric.values()) {
      if (!m.ranked() && (!m.generated() || overall.generated() > 0)) {
        keys.add(MetricKey.of(m));
      }
    }
    return keys;
  }

  /** Every figure computed: the ranked ones at each cut-off, then the others. */
  List<MetricKey> allKeys() {
    List<MetricKey> keys = new ArrayList<>();
    for (Metric m : new Metric[] {Metric.HIT, Metric.MRR, Metric.NDCG}) {
      for (int cut : ks) {
        keys.add(MetricKey.of(m, cut));
      }
    }
    for (Metric m : Metric.values()) {
      if (!m.ranked() && (!m.generated() || overall.generated() > 0)) {
        keys.add(MetricKey.of(m));
      }
    }
    return keys;
  }

  List<CaseResult> failures() {
    return List.copyOf(failures);
  }

  int failedCount() {
    return failedCount;
  }

  /** Each threshold with the figure it was held against. */
  List<GateResult> gates(List<Threshold> thresholds) {
    return thresholds.stream().map(t -> new GateResult(t, value(t.key()))).toList();
  }

  record GateResult(Threshold threshold, double value) {
    boolean passed() {
      return threshold.passes(value);
    }
  }
}
