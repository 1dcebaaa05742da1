package app.essayqa.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables for the terminal: figures per scope, gates, failed cases, side by side. */
final class ConsoleReport {
  private static final int QUOTE_CHARS = 160;

  private ConsoleReport() {}

  /** A figure as shown everywhere: shares to 3 places, times to 0.1 ms, lengths whole. */
  static String format(MetricKey key, double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return switch (key.metric()) {
      case LATENCY_P50, LATENCY_P95, MODEL_LATENCY_P50, MODEL_LATENCY_P95 ->
          String.format(Locale.ROOT, "%.1f", value);
      case ANSWER_CHARS -> String.format(Locale.ROOT, "%.0f", value);
      default -> String.format(Locale.ROOT, "%.3f", value);
    };
  }

  /** Header, then one row for the suite and one per tag. */
  static void figures(PrintWriter out, RunResult run) {
    Suite s = run.suite();
    out.printf(
        Locale.ROOT,
        "Suite %s (%s): %d cases, %d passed, %d failed; %s %s, k=%d%n",
        s.name(),
        s.file(),
        run.overall().cases(),
        run.overall().passed(),
        run.failedCount(),
        run.system(),
        run.version(),
        run.k());
    List<MetricKey> keys = run.columns();
    List<String> header = new ArrayList<>(List.of("scope", "cases"));
    keys.forEach(k -> header.add(shortName(k)));
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("all", run.overall(), keys));
    for (Map.Entry<String, Scores> tag : run.perTag().entrySet()) {
      rows.add(row(tag.getKey(), tag.getValue(), keys));
    }
    table(out, header, rows);
    out.println(
        "  hit/mrr/ndcg: answerable cases with evidence; terms: answer-term recall; abst P/R:"
            + " abstention precision/recall; answered: 1 - refusal rate on answerable; faithful: quotes"
            + " verbatim at their offsets; chars: mean answer length; ms: latency per question");
    if (run.overall().generated() > 0) {
      out.println(
          "  verified: model citations that passed the check; fallback: model answers shown"
              + " extractively instead; llm p50/p95: model time per answer, ms");
    }
  }

  private static List<String> row(String scope, Scores scores, List<MetricKey> keys) {
    List<String> cells = new ArrayList<>(List.of(scope, String.valueOf(scores.cases())));
    keys.forEach(k -> cells.add(format(k, scores.value(k))));
    return cells;
  }

  private static String shortName(MetricKey k) {
    return switch (k.metric()) {
      case ANSWER_RECALL -> "terms";
      case ABSTENTION_PRECISION -> "abst P";
      case ABSTENTION_RECALL -> "abst R";
      case FAITHFULNESS -> "faithful";
      case ANSWER_CHARS -> "chars";
      case LATENCY_P50 -> "p50 ms";
      case LATENCY_P95 -> "p95 ms";
      case VERIFIED_CITATIONS -> "verified";
      case FALLBACK_RATE -> "fallback";
      case MODEL_LATENCY_P50 -> "llm p50";
      case MODEL_LATENCY_P95 -> "llm p95";
      default -> k.name();
    };
  }

  /** One line per gate; returns whether all passed. */
  static boolean gates(PrintWriter out, List<RunResult.GateResult> gates) {
    if (gates.isEmpty()) {
      return true;
    }
    out.println("Gates:");
    boolean all = true;
    for (RunResult.GateResult g : gates) {
      Threshold t = g.threshold();
      all &= g.passed();
      out.printf(
          Locale.ROOT,
          "  %-32s %s %-6s %-7s %s (%s)%n",
          t.key().name(),
          t.relation(),
          trim(t.bound()),
          format(t.key(), g.value()),
          g.passed() ? "ok" : Double.isNaN(g.value()) ? "FAILED (no case measures it)" : "FAILED",
          t.source());
    }
    return all;
  }

  static void failures(PrintWriter out, RunResult run) {
    if (run.failedCount() == 0) {
      out.println("No failed cases.");
      return;
    }
    List<CaseResult> shown = run.failures();
    out.printf(
        Locale.ROOT,
        "Failed cases (%d of %d%s):%n",
        run.failedCount(),
        run.overall().cases(),
        shown.size() < run.failedCount()
            ? ", first " + shown.size() + " shown; all in --report-dir"
            : "");
    for (CaseResult r : shown) {
      out.printf(Locale.ROOT, "- %s: %s%n", r.expected().id(), oneLine(r.expected().question()));
      out.printf(Locale.ROOT, "    expected: %s%n", r.expectation());
      out.printf(
          Locale.ROOT,
          "    got:      %s%n",
          r.abstained() ? "(refused) " + clip(r.answer()) : clip(r.answer()));
      for (QuoteResult q : r.quotes()) {
        out.printf(Locale.ROOT, "      [%d] %s %s%n", q.n(), q.locator(), clip(q.quote()));
      }
      out.printf(Locale.ROOT, "    why:      %s%n", String.join("; ", r.reasons()));
    }
  }

  /** Figures of several runs in columns, one row per metric. */
  static void sideBySide(
      PrintWriter out,
      String title,
      List<String> names,
      List<RunResult> runs,
      List<MetricKey> keys) {
    out.println(title);
    List<String> header = new ArrayList<>(List.of("metric"));
    header.addAll(names);
    List<List<String>> rows = new ArrayList<>();
    for (MetricKey key : keys) {
      List<String> cells = new ArrayList<>(List.of(key.name()));
      runs.forEach(r -> cells.add(format(key, r.value(key))));
      rows.add(cells);
    }
    List<String> passed = new ArrayList<>(List.of("cases passed"));
    runs.forEach(r -> passed.add(r.overall().passed() + "/" + r.overall().cases()));
    rows.add(passed);
    table(out, header, rows);
  }

  static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    line(out, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int w : widths) {
      rule.append("-".repeat(w)).append("  ");
    }
    out.println("  " + rule.toString().stripTrailing());
    rows.forEach(r -> line(out, r, widths));
  }

  private static void line(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder s = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      // Text left, figures right, so decimals line up.
      s.append(i == 0 ? pad(c, widths[i]) : " ".repeat(widths[i] - c.length()) + c).append("  ");
    }
    out.println(s.toString().stripTrailing());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  static String trim(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }

  static String oneLine(String s) {
    return s.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
  }

  private static String clip(String s) {
    String one = oneLine(s);
    return one.length() <= QUOTE_CHARS ? one : one.substring(0, QUOTE_CHARS - 1) + "…";
  }
}
