package app.essayqa.cli;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of measured values. */
final class Percentiles {
  private Percentiles() {}

  /**
   * The smallest value with at least {@code p} percent of the values at or below it.
   *
   * @param p 0 (exclusive) to 100 (inclusive)
   * @throws IllegalArgumentException when there are no values or {@code p} is out of range
   */
  static double of(List<Double> values, double p) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  static double median(List<Double> values) {
    return of(values, 50);
  }
}
