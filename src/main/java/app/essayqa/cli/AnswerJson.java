package app.essayqa.cli;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.Generation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The JSON form of an answer, one object on one line. Built field by field rather than by
 * serialising the records, so the shape scripts depend on does not change when a record grows.
 */
final class AnswerJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnswerJson() {}

  static ObjectNode tree(Answer answer) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("question", answer.question());
    root.put("answer", answer.text());
    root.put("abstained", answer.abstained());
    if (answer.shortAnswer().isPresent()) {
      root.put("short", answer.shortAnswer().get().text());
    } else {
      root.putNull("short");
    }
    ArrayNode citations = root.putArray("citations");
    for (Citation c : answer.citations()) {
      ObjectNode node = citations.addObject();
      node.put("n", c.n());
      node.put("document", c.document());
      node.put("section", c.section());
      node.put("paragraph", c.paragraph());
      node.put("sentence", c.sentence());
      if (c.page().isPresent()) {
        node.put("page", c.page().getAsInt());
      } else {
        node.putNull("page");
      }
      node.put("start", c.start());
      node.put("end", c.end());
      node.put("quote", c.quote());
      node.put("score", c.score());
    }
    ArrayNode topics = root.putArray("nearestTopics");
    answer.nearestTopics().forEach(topics::add);
    root.putObject("index").put("version", answer.indexVersion());
    ObjectNode timings = root.putObject("timingsMs");
    for (Map.Entry<String, Long> t : answer.timingsMs().entrySet()) {
      timings.put(t.getKey(), t.getValue());
    }
    answer.generation().ifPresent(g -> generation(root.putObject("generation"), g));
    return root;
  }

  private static void generation(ObjectNode node, Generation g) {
    node.put("model", g.model());
    node.put("question", g.question());
    node.put("attempts", g.attempts());
    node.put("citationsMade", g.citationsMade());
    node.put("citationsVerified", g.citationsVerified());
    node.put("quotesChecked", g.quotesChecked());
    ArrayNode dropped = node.putArray("dropped");
    g.dropped().forEach(dropped::add);
    node.put("tokensIn", g.tokensIn());
    node.put("tokensOut", g.tokensOut());
    node.put("modelMs", g.modelMs());
    node.put("verifyMicros", g.verifyMicros());
    if (g.fallback().isPresent()) {
      node.put("fallback", g.fallback().get());
    } else {
      node.putNull("fallback");
    }
  }

  /** One line, no trailing newline; non-ASCII text stays as UTF-8, control characters escaped. */
  static String line(Answer answer) {
    try {
      return MAPPER.writeValueAsString(tree(answer));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an answer as JSON", e);
    }
  }
}
