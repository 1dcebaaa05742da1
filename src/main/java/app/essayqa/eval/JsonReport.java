package app.essayqa.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <suite>.json}: every figure under its metric name ({@code hit@3}, {@code mrr@3}, ...), per
 * tag, the gates, the baseline's figures when it ran, and every case. Streams the cases from the
 * spill file, so its size does not depend on memory.
 */
final class JsonReport {
  private JsonReport() {}

  static void write(
      Path target,
      RunResult run,
      Optional<RunResult> baseline,
      List<RunResult.GateResult> gates,
      Map<String, String> settings,
      CaseSpill cases)
      throws IOException {
    JsonFactory factory = CaseSpill.JSON.getFactory();
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        JsonGenerator g = factory.createGenerator(w).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("suite", run.suite().name());
      g.writeStringField("file", run.suite().file().toString());
      g.writeStringField("system", run.system());
      g.writeStringField("version", run.version());
      g.writeNumberField("k", run.k());
      g.writeObjectFieldStart("settings");
      for (Map.Entry<String, String> e : settings.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("cases_total", run.overall().cases());
      g.writeNumberField("passed", run.overall().passed());
      g.writeNumberField("failed", run.failedCount());
      figures(g, run);
      g.writeArrayFieldStart("thresholds");
      for (RunResult.GateResult gate : gates) {
        g.writeStartObject();
        g.writeStringField("metric", gate.threshold().key().name());
        g.writeStringField("relation", gate.threshold().relation());
        g.writeNumberField("bound", gate.threshold().bound());
        number(g, "value", gate.value());
        g.writeBooleanField("passed", gate.passed());
        g.writeStringField("source", gate.threshold().source());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (baseline.isPresent()) {
        g.writeObjectFieldStart("baseline");
        g.writeStringField("system", baseline.get().system());
        g.writeStringField("version", baseline.get().version());
        figures(g, baseline.get());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("cases");
      cases.forEach(node -> CaseSpill.JSON.writeTree(g, node));
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void figures(JsonGenerator g, RunResult run) throws IOException {
    g.writeObjectFieldStart("metrics");
    for (MetricKey key : run.allKeys()) {
      number(g, key.name(), run.value(key));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("tags");
    for (Map.Entry<String, Scores> tag : run.perTag().entrySet()) {
      g.writeObjectFieldStart(tag.getKey());
      g.writeNumberField("cases", tag.getValue().cases());
      for (MetricKey key : run.allKeys()) {
        number(g, key.name(), tag.getValue().value(key));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Undefined figures (no case to measure on) are null, not NaN, which JSON cannot hold. */
  private static void number(JsonGenerator g, String field, double value) throws IOException {
    if (Double.isNaN(value)) {
      g.writeNullField(field);
    } else {
      g.writeNumberField(field, Math.round(value * 1_000_000) / 1_000_000.0);
    }
  }

  /** For tests and tools: a parser over a written report. */
  static JsonParser open(Path report) throws IOException {
    return CaseSpill.JSON
        .getFactory()
        .createParser(Files.newBufferedReader(report, StandardCharsets.UTF_8));
  }
}
