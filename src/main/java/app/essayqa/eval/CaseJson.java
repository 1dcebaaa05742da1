package app.essayqa.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The JSON shape of one case result, shared by the report and its spill file. */
final class CaseJson {
  private CaseJson() {}

  static void write(JsonGenerator g, CaseResult r) throws IOException {
    EvalCase c = r.expected();
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("question", c.question());
    g.writeNumberField("line", c.line());
    strings(g, "tags", c.tags());
    g.writeObjectFieldStart("expected");
    g.writeBooleanField("abstain", c.abstain());
    strings(g, "evidence", c.evidence());
    g.writeArrayFieldStart("answer_contains");
    for (List<String> group : c.answerContains()) {
      g.writeStartArray();
      for (String t : group) {
        g.writeString(t);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    if (c.shortAnswer().isPresent()) {
      g.writeStringField("short", c.shortAnswer().get());
    }
    g.writeStringField("summary", r.expectation());
    g.writeEndObject();
    g.writeBooleanField("passed", r.passed());
    strings(g, "reasons", r.reasons());
    g.writeBooleanField("abstained", r.abstained());
    g.writeStringField("answer", r.answer());
    if (r.shortAnswer().isPresent()) {
      g.writeStringField("short", r.shortAnswer().get());
    } else {
      g.writeNullField("short");
    }
    g.writeNumberField("firstRelevantRank", Ranking.firstRelevantRank(r.relevance()));
    g.writeNumberField("latencyMs", Math.round(r.latencyMs() * 1000) / 1000.0);
    g.writeArrayFieldStart("citations");
    for (QuoteResult q : r.quotes()) {
      g.writeStartObject();
      g.writeNumberField("n", q.n());
      g.writeStringField("document", q.document());
      g.writeStringField("locator", q.locator());
      g.writeNumberField("start", q.start());
      g.writeNumberField("end", q.end());
      g.writeStringField("quote", q.quote());
      g.writeBooleanField("relevant", q.relevant());
      g.writeBooleanField("faithful", q.faithful());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
