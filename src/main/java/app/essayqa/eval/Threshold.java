package app.essayqa.eval;

import java.util.Objects;

/**
 * A gate: the metric must be at least {@code bound} (or at most, for metrics where lower is
 * better). An undefined figure (no cases to measure it on) fails, so a gate never passes silently.
 *
 * @param source where it was set, e.g. {@code essay.yaml:12} or {@code --threshold}
 */
record Threshold(MetricKey key, double bound, String source) {
  Threshold {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(source, "source");
  }

  boolean passes(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    return key.metric().higherIsBetter() ? value >= bound : value <= bound;
  }

  String relation() {
    return key.metric().higherIsBetter() ? ">=" : "<=";
  }

  /**
   * Reads a bound, checking its range: shares are 0..1 (a 95 meant as a percentage is caught).
   *
   * @throws IllegalArgumentException with a message fit to show the user
   */
  static Threshold of(MetricKey key, double bound, String source) {
    if (Double.isNaN(bound) || bound < 0) {
      throw new IllegalArgumentException(
          key.name() + ": bound must be a number >= 0, got " + bound);
    }
    if (key.metric().higherIsBetter() && bound > 1) {
      throw new IllegalArgumentException(
          key.name() + ": bound must be a share between 0 and 1, got " + bound);
    }
    return new Threshold(key, bound, source);
  }
}
