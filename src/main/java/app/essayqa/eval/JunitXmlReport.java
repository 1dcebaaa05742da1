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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code <suite>.junit.xml}: the JUnit XML that CI systems display. One testcase per case (a miss
 * is a failure with its reasons), and one per gate, so a figure below its threshold shows too.
 */
final class JunitXmlReport {
  private JunitXmlReport() {}

  static void write(Path target, RunResult run, List<RunResult.GateResult> gates, CaseSpill cases)
      throws IOException {
    int gateFailures = (int) gates.stream().filter(g -> !g.passed()).count();
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", clean("eval." + run.suite().name()));
      x.writeAttribute("tests", String.valueOf(run.overall().cases() + gates.size()));
      x.writeAttribute("failures", String.valueOf(run.failedCount() + gateFailures));
      x.writeAttribute("errors", "0");
      x.writeAttribute("skipped", "0");
      x.writeAttribute(
          "time", String.format(Locale.ROOT, "%.3f", run.overall().totalLatencyMs() / 1000));
      x.writeCharacters("\n");
      x.writeStartElement("properties");
      for (MetricKey key : run.allKeys()) {
        x.writeEmptyElement("property");
        x.writeAttribute("name", key.name());
        x.writeAttribute("value", ConsoleReport.format(key, run.value(key)));
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      String className = clean("eval." + run.suite().name());
      cases.forEach(node -> testcase(x, className, node));
      for (RunResult.GateResult gate : gates) {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", className + ".thresholds");
        Threshold t = gate.threshold();
        x.writeAttribute("name", clean(t.key().name() + " " + t.relation() + " " + t.bound()));
        x.writeAttribute("time", "0");
        if (!gate.passed()) {
          x.writeStartElement("failure");
          x.writeAttribute(
              "message",
              clean(
                  t.key().name()
                      + " is "
                      + ConsoleReport.format(t.key(), gate.value())
                      + ", needs "
                      + t.relation()
                      + " "
                      + t.bound()));
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void testcase(XMLStreamWriter x, String className, JsonNode c) throws IOException {
    try {
      x.writeStartElement("testcase");
      x.writeAttribute("classname", className);
      x.writeAttribute("name", clean(c.path("id").asText()));
      x.writeAttribute(
          "time", String.format(Locale.ROOT, "%.3f", c.path("latencyMs").asDouble() / 1000));
      if (!c.path("passed").asBoolean()) {
        List<String> reasons = new ArrayList<>();
        c.path("reasons").forEach(r -> reasons.add(r.asText()));
        x.writeStartElement("failure");
        x.writeAttribute("message", clean(String.join("; ", reasons)));
        x.writeAttribute("type", "miss");
        StringBuilder body = new StringBuilder();
        body.append("question: ").append(c.path("question").asText()).append('\n');
        body.append("expected: ").append(c.path("expected").path("summary").asText()).append('\n');
        body.append("got: ")
            .append(c.path("abstained").asBoolean() ? "(refused) " : "")
            .append(c.path("answer").asText())
            .append('\n');
        for (JsonNode q : c.path("citations")) {
          body.append("  [")
              .append(q.path("n").asInt())
              .append("] ")
              .append(q.path("locator").asText())
              .append(' ')
              .append(q.path("quote").asText())
              .append('\n');
        }
        x.writeCharacters(clean(body.toString()));
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** XML 1.0 cannot hold most control characters even escaped; a question may contain them. */
  static String clean(String text) {
    return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
  }
}
