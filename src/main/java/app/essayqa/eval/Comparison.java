package app.essayqa.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run set against an earlier {@code <suite>.json}: the change in each figure and the cases that
 * went from pass to fail and back. Reads the earlier report by streaming, keeping only its figures
 * and each case's pass/fail.
 */
final class Comparison implements Consumer<CaseResult> {
  private final Path file;
  private final String suite;
  private final Map<String, Double> before;
  private final Map<String, Boolean> passedBefore;
  private final List<String> nowFailing = new ArrayList<>();
  private final List<String> nowPassing = new ArrayList<>();

  private Comparison(
      Path file, String suite, Map<String, Double> before, Map<String, Boolean> passed) {
    this.file = file;
    this.suite = suite;
    this.before = before;
    this.passedBefore = passed;
  }

  /**
   * Reads an earlier report.
   *
   * @throws SuiteException when it is missing or not a report of this program
   */
  static Comparison load(Path file) {
    String suite = null;
    Map<String, Double> figures = new LinkedHashMap<>();
    Map<String, Boolean> passed = new HashMap<>();
    try (JsonParser p = JsonReport.open(file)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SuiteException(file + ": not an eval report (expected a JSON object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "suite" -> suite = p.getText();
          case "metrics" -> numbers(p.readValueAsTree(), "", figures);
          case "tags" -> {
            JsonNode tags = CaseSpill.JSON.readTree(p);
            tags.properties().forEach(t -> numbers(t.getValue(), t.getKey(), figures));
          }
          case "cases" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              JsonNode c = CaseSpill.JSON.readTree(p);
              passed.put(c.path("id").asText(), c.path("passed").asBoolean());
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (NoSuchFileException e) {
      throw new SuiteException(file + ": no such report to compare with");
    } catch (JsonProcessingException e) {
      throw new SuiteException(file + ": not a readable eval report: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SuiteException(file + ": cannot read: " + e.getMessage());
    }
    if (suite == null || figures.isEmpty()) {
      throw new SuiteException(file + ": not an eval report (no suite name or metrics)");
    }
    return new Comparison(file, suite, figures, passed);
  }

  private static void numbers(JsonNode node, String tag, Map<String, Double> into) {
    if (node == null) {
      return;
    }
    node.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("cases") && !tag.isEmpty()) {
                return;
              }
              double v = e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN;
              into.put(tag.isEmpty() ? e.getKey() : e.getKey() + "[" + tag + "]", v);
            });
  }

  String suite() {
    return suite;
  }

  @Override
  public void accept(CaseResult r) {
    Boolean was = passedBefore.get(r.expected().id());
    if (was == null) {
      return;
    }
    if (was && !r.passed()) {
      nowFailing.add(r.expected().id());
    } else if (!was && r.passed()) {
      nowPassing.add(r.expected().id());
    }
  }

  void print(PrintWriter out, RunResult run) {
    out.println("Compared with " + file + ":");
    List<List<String>> rows = new ArrayList<>();
    for (MetricKey key : run.allKeys()) {
      addRow(rows, key, run, true);
    }
    for (String tag : run.perTag().keySet()) {
      for (MetricKey key : run.allKeys()) {
        addRow(rows, key.forTag(tag), run, false);
      }
    }
    ConsoleReport.table(out, List.of("metric", "before", "now", "change"), rows);
    out.println(
        "  pass -> fail: " + (nowFailing.isEmpty() ? "none" : String.join(", ", nowFailing)));
    out.println(
        "  fail -> pass: " + (nowPassing.isEmpty() ? "none" : String.join(", ", nowPassing)));
  }

  /** Whole-suite figures always; per-tag figures only when they moved, to keep the list short. */
  private void addRow(List<List<String>> rows, MetricKey key, RunResult run, boolean always) {
    if (!before.containsKey(key.name())) {
      return;
    }
    double was = before.get(key.name());
    double now = run.value(key);
    boolean moved = Double.isNaN(was) != Double.isNaN(now) || Math.abs(was - now) > 1e-9;
    if (!always && !moved) {
      return;
    }
    String change =
        Double.isNaN(was) || Double.isNaN(now)
            ? (moved ? "changed" : "")
            : String.format(Locale.ROOT, "%+.3f", now - was);
    rows.add(
        List.of(
            key.name(), ConsoleReport.format(key, was), ConsoleReport.format(key, now), change));
  }

  List<String> nowFailing() {
    return List.copyOf(nowFailing);
  }

  List<String> nowPassing() {
    return List.copyOf(nowPassing);
  }
}
