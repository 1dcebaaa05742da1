package app.essayqa.eval;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric as named in thresholds and reports: {@code hit@3}, {@code answered}, or scoped to the
 * cases carrying one tag, {@code abstention_recall[far-off]}.
 *
 * @param k the cut-off of a ranked metric, 0 for the others
 * @param tag the tag whose cases it is measured on, empty for the whole suite
 */
record MetricKey(Metric metric, int k, String tag) {
  static final int MAX_K = 50;
  private static final Pattern NAME =
      Pattern.compile("([a-z0-9_]+)(?:@(\\d{1,3}))?(?:\\[([^\\]]+)])?");

  MetricKey {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(tag, "tag");
    if (metric.ranked() != (k > 0)) {
      throw new IllegalArgumentException(metric.label() + ": k " + k);
    }
  }

  static MetricKey of(Metric metric) {
    return new MetricKey(metric, 0, "");
  }

  static MetricKey of(Metric metric, int k) {
    return new MetricKey(metric, k, "");
  }

  MetricKey forTag(String newTag) {
    return new MetricKey(metric, k, newTag);
  }

  MetricKey untagged() {
    return new MetricKey(metric, k, "");
  }

  /**
   * Reads a metric name.
   *
   * @throws IllegalArgumentException with a message fit to show the user
   */
  static MetricKey parse(String name) {
    Matcher m = NAME.matcher(name.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a metric name (known: " + Metric.names() + ", optionally [TAG])");
    }
    Metric metric =
        Metric.byLabel(m.group(1))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown metric '" + m.group(1) + "' (known: " + Metric.names() + ")"));
    String tag = m.group(3) == null ? "" : m.group(3).trim();
    if (metric.ranked()) {
      if (m.group(2) == null) {
        throw new IllegalArgumentException(
            "'" + name + "' needs a cut-off, e.g. " + metric.label() + "@3");
      }
      int k = Integer.parseInt(m.group(2));
      if (k < 1 || k > MAX_K) {
        throw new IllegalArgumentException("'" + name + "': k must be 1.." + MAX_K);
      }
      return new MetricKey(metric, k, tag);
    }
    if (m.group(2) != null) {
      throw new IllegalArgumentException("'" + name + "': " + metric.label() + " takes no @k");
    }
    return new MetricKey(metric, 0, tag);
  }

  String name() {
    String base = metric.ranked() ? metric.label() + "@" + k : metric.label();
    return tag.isEmpty() ? base : base + "[" + tag + "]";
  }

  @Override
  public String toString() {
    return name();
  }
}
