package app.essayqa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <suite>.html}: one self-contained page (no scripts, no external files) with the summary
 * table, a bar chart of the per-tag figures as inline SVG, the gates, and every case expandable to
 * its answer and quotes. Everything from the suite or the answers is escaped.
 */
final class HtmlReport {
  /** The per-tag figures the chart shows, each with its bar colour. */
  private static final List<Metric> CHARTED =
      List.of(Metric.HIT, Metric.ANSWERED, Metric.ABSTENTION_RECALL, Metric.ANSWER_RECALL);

  private static final String[] COLOURS = {"#3b6ea8", "#5aa05a", "#c0803a", "#8a5aa8"};
  private static final String STYLE =
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:75em;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .5em}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}"
          + "details{margin:.3em 0;padding:.3em .6em;border-left:4px solid #5aa05a}"
          + "details.fail{border-left-color:#c0392b}summary{cursor:pointer}"
          + "blockquote{margin:.3em 0 .3em 1em;color:#444}.bad{color:#c0392b}.ok{color:#2e7d32}";

  private HtmlReport() {}

  static void write(
      Path target,
      RunResult run,
      Optional<RunResult> baseline,
      List<RunResult.GateResult> gates,
      CaseSpill cases)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      String name = Html.escape(run.suite().name());
      w.write(
          "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Suite "
              + name
              + "</title><style>"
              + STYLE
              + "</style></head><body>\n");
      w.write(
          "<h1>Suite "
              + name
              + "</h1>\n<p>"
              + Html.escape(run.suite().file().toString())
              + " &middot; "
              + Html.escape(run.system() + " " + run.version())
              + " &middot; k="
              + run.k()
              + " &middot; "
              + run.overall().passed()
              + " of "
              + run.overall().cases()
              + " cases passed</p>\n");
      summary(w, run, baseline);
      gates(w, gates);
      w.write("<h2>Figures per tag</h2>\n");
      chart(w, run);
      w.write("<h2>Cases</h2>\n");
      cases.forEach(node -> caseDetails(w, node));
      w.write("</body></html>\n");
    }
  }

  private static void summary(Writer w, RunResult run, Optional<RunResult> baseline)
      throws IOException {
    List<MetricKey> keys = run.columns();
    w.write("<h2>Summary</h2>\n<table><tr><th>scope</th><th>cases</th>");
    for (MetricKey k : keys) {
      w.write("<th>" + Html.escape(k.name()) + "</th>");
    }
    w.write("</tr>\n");
    row(w, "all (" + run.system() + ")", run.overall(), keys);
    if (baseline.isPresent()) {
      row(w, "all (" + baseline.get().system() + ", baseline)", baseline.get().overall(), keys);
    }
    for (Map.Entry<String, Scores> tag : run.perTag().entrySet()) {
      row(w, tag.getKey(), tag.getValue(), keys);
    }
    w.write("</table>\n");
  }

  private static void row(Writer w, String scope, Scores s, List<MetricKey> keys)
      throws IOException {
    w.write("<tr><td>" + Html.escape(scope) + "</td><td class=\"n\">" + s.cases() + "</td>");
    for (MetricKey k : keys) {
      w.write("<td class=\"n\">" + ConsoleReport.format(k, s.value(k)) + "</td>");
    }
    w.write("</tr>\n");
  }

  private static void gates(Writer w, List<RunResult.GateResult> gates) throws IOException {
    if (gates.isEmpty()) {
      return;
    }
    w.write("<h2>Gates</h2>\n<ul>\n");
    for (RunResult.GateResult g : gates) {
      Threshold t = g.threshold();
      w.write(
          "<li class=\""
              + (g.passed() ? "ok" : "bad")
              + "\">"
              + Html.escape(t.key().name())
              + " "
              + Html.escape(t.relation())
              + " "
              + ConsoleReport.trim(t.bound())
              + ": "
              + ConsoleReport.format(t.key(), g.value())
              + (g.passed() ? " ok" : " FAILED")
              + "</li>\n");
    }
    w.write("</ul>\n");
  }

  /** Horizontal bars, one group per tag, one bar per charted figure; undefined figures say n/a. */
  private static void chart(Writer w, RunResult run) throws IOException {
    List<MetricKey> keys = new ArrayList<>();
    for (Metric m : CHARTED) {
      keys.add(m.ranked() ? MetricKey.of(m, run.k()) : MetricKey.of(m));
    }
    int barHeight = 10;
    int groupHeight = keys.size() * (barHeight + 2) + 10;
    int labelWidth = 140;
    int barWidth = 400;
    int legend = 24;
    int height = legend + groupHeight * run.perTag().size() + 10;
    int width = labelWidth + barWidth + 60;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"figures per tag\" font-size=\"11\">%n",
            width,
            height));
    for (int i = 0; i < keys.size(); i++) {
      int x = labelWidth + i * 110;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"13\">%s</text>%n",
              x,
              COLOURS[i],
              x + 14,
              Html.escape(keys.get(i).name())));
    }
    int y = legend;
    for (Map.Entry<String, Scores> tag : run.perTag().entrySet()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\">%s (%d)</text>%n",
              y + groupHeight / 2,
              Html.escape(tag.getKey()),
              tag.getValue().cases()));
      for (int i = 0; i < keys.size(); i++) {
        double v = tag.getValue().value(keys.get(i));
        int by = y + i * (barHeight + 2);
        if (Double.isNaN(v)) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" fill=\"#888\">n/a</text>%n",
                  labelWidth,
                  by + barHeight - 1));
        } else {
          int len = (int) Math.round(v * barWidth);
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s</title></rect>"
                      + "<text x=\"%d\" y=\"%d\">%s</text>%n",
                  labelWidth,
                  by,
                  len,
                  barHeight,
                  COLOURS[i],
                  Html.escape(tag.getKey() + " " + keys.get(i).name()),
                  ConsoleReport.format(keys.get(i), v),
                  labelWidth + len + 4,
                  by + barHeight - 1,
                  ConsoleReport.format(keys.get(i), v)));
        }
      }
      y += groupHeight;
    }
    svg.append("</svg>\n");
    w.write(svg.toString());
  }

  private static void caseDetails(Writer w, JsonNode c) throws IOException {
    boolean passed = c.path("passed").asBoolean();
    StringBuilder s = new StringBuilder();
    s.append("<details class=\"")
        .append(passed ? "pass" : "fail")
        .append("\"><summary>")
        .append(passed ? "pass" : "<span class=\"bad\">FAIL</span>")
        .append(" &middot; <b>")
        .append(Html.escape(c.path("id").asText()))
        .append("</b> ")
        .append(Html.escape(c.path("question").asText()))
        .append("</summary>\n");
    List<String> tags = new ArrayList<>();
    c.path("tags").forEach(t -> tags.add(t.asText()));
    s.append("<p>tags: ")
        .append(Html.escape(String.join(", ", tags)))
        .append("<br>expected: ")
        .append(Html.escape(c.path("expected").path("summary").asText()))
        .append("</p>\n");
    if (!passed) {
      List<String> reasons = new ArrayList<>();
      c.path("reasons").forEach(r -> reasons.add(r.asText()));
      s.append("<p class=\"bad\">")
          .append(Html.escape(String.join("; ", reasons)))
          .append("</p>\n");
    }
    s.append("<p>")
        .append(c.path("abstained").asBoolean() ? "<i>refused:</i> " : "<i>answer:</i> ")
        .append(Html.escape(c.path("answer").asText()))
        .append("</p>\n");
    for (JsonNode q : c.path("citations")) {
      s.append("<blockquote>[")
          .append(q.path("n").asInt())
          .append("] ")
          .append(Html.escape(q.path("locator").asText()))
          .append(' ')
          .append(q.path("relevant").asBoolean() ? "<span class=\"ok\">evidence</span> " : "")
          .append(q.path("faithful").asBoolean() ? "" : "<span class=\"bad\">not verbatim</span> ")
          .append("&ldquo;")
          .append(Html.escape(q.path("quote").asText()))
          .append("&rdquo;</blockquote>\n");
    }
    s.append("</details>\n");
    w.write(s.toString());
  }
}
