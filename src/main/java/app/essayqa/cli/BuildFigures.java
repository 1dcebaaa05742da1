package app.essayqa.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the bench measured of one build in child JVMs; NaN where a figure was not measured.
 *
 * @param jarMb the jar's size, MB (10^6 bytes)
 * @param firstAnswerMs median wall time from launch to the first answer of one {@code ask}
 * @param batchMsPerQuestion per question beyond start-up in one {@code ask --file} batch: (median
 *     batch wall time - median one-question wall time) / (questions - 1)
 * @param replPeakMb peak RSS (VmHWM) of a REPL fed the batch's questions
 */
record BuildFigures(
    String label,
    double jarMb,
    double firstAnswerMs,
    double batchMsPerQuestion,
    double replPeakMb) {
  /** Issue 21's targets, beside which the summary prints each figure. */
  static final double TARGET_JAR_MB = 130;

  static final double TARGET_FIRST_ANSWER_MS = 1000;
  static final double TARGET_BATCH_MS = 10;
  static final double TARGET_REPL_MB = 250;

  /** The summary table, with a baseline column and this / baseline ratios when there is one. */
  static List<String> table(BuildFigures build, BuildFigures baseline) {
    List<String> rows = new ArrayList<>();
    if (baseline == null) {
      rows.add("| figure | " + build.label() + " | target |");
      rows.add("|---|---|---|");
    } else {
      rows.add("| figure | " + build.label() + " | " + baseline.label() + " | ratio | target |");
      rows.add("|---|---|---|---|---|");
    }
    boolean compared = baseline != null;
    rows.add(
        row("jar size", "MB", build.jarMb(), compared ? baseline.jarMb() : null, TARGET_JAR_MB));
    rows.add(
        row(
            "start to first answer",
            "ms",
            build.firstAnswerMs(),
            compared ? baseline.firstAnswerMs() : null,
            TARGET_FIRST_ANSWER_MS));
    rows.add(
        row(
            "batch, per question beyond start-up",
            "ms",
            build.batchMsPerQuestion(),
            compared ? baseline.batchMsPerQuestion() : null,
            TARGET_BATCH_MS));
    rows.add(
        row(
            "REPL peak RSS",
            "MB",
            build.replPeakMb(),
            compared ? baseline.replPeakMb() : null,
            TARGET_REPL_MB));
    return rows;
  }

  /**
   * @param baseline the baseline's figure, or null for a table without a baseline column
   */
  private static String row(
      String name, String unit, double value, Double baseline, double target) {
    StringBuilder row = new StringBuilder("| ").append(name).append(" | ");
    row.append(shown(value, unit)).append(" | ");
    if (baseline != null) {
      row.append(shown(baseline, unit)).append(" | ");
      row.append(ratio(value, baseline)).append(" | ");
    }
    row.append(String.format(Locale.ROOT, "<= %.0f %s", target, unit));
    if (!Double.isNaN(value)) {
      row.append(value <= target ? ", within" : ", OVER");
    }
    return row.append(" |").toString();
  }

  static String shown(double value, String unit) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f %s", value, unit);
  }

  static String ratio(double value, double baseline) {
    if (Double.isNaN(value) || Double.isNaN(baseline) || baseline <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", value / baseline);
  }
}
