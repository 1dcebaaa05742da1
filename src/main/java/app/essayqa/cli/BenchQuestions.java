package app.essayqa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions the bench asks: those of the evaluation suite shipped in the jar, so the timing
 * covers the same mix of answerable and unanswerable questions the quality figures do; otherwise (a
 * build without it, or one being edited) a few generic ones that work for any essay.
 */
record BenchQuestions(String origin, List<String> questions) {
  /** Where the evaluation suite lives on the class path. */
  static final String SUITE = "eval/essay.yaml";

  static final List<String> BUILT_IN =
      List.of(
          "Who wrote the essay?",
          "What is the essay about?",
          "What is the main argument?",
          "What does the author conclude?",
          "Which countries does the essay discuss?",
          "What risks does the essay describe?",
          "What is the GDP of South Korea?",
          "Write me a Python function that sorts a list.");

  BenchQuestions {
    questions = List.copyOf(questions);
  }

  /** The shipped suite's questions. */
  static BenchQuestions load() {
    return load(BenchQuestions.class.getClassLoader().getResource(SUITE));
  }

  /**
   * @param suite the suite to read, or null when there is none
   */
  static BenchQuestions load(URL suite) {
    String fallback = "built-in generic questions (no " + SUITE + ")";
    if (suite != null) {
      try (InputStream in = suite.openStream()) {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        List<String> questions = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
          String q = c.path("question").asText("");
          if (!q.isBlank()) {
            questions.add(q);
          }
        }
        if (!questions.isEmpty()) {
          return new BenchQuestions(SUITE, questions);
        }
        fallback = "built-in generic questions (" + SUITE + " has no cases)";
      } catch (IOException | RuntimeException e) {
        // A suite being edited must not stop the bench: say so and use the generic questions.
        fallback = "built-in generic questions (" + SUITE + " unreadable: " + e.getMessage() + ")";
      }
    }
    return new BenchQuestions(fallback, BUILT_IN);
  }
}
