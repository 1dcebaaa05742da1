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

  /** Where the batch's questions come from: held out, so not the ones the rules were tuned on. */
  static final String BATCH_SUITE = "eval/essay-heldout.yaml";

  /** The batch size issue 21 measures (README "Benchmarks"), kept so figures stay comparable. */
  static final int BATCH_SIZE = 65;

  /**
   * The first {@link #BATCH_SIZE} questions of the held-out suite, for the child batch and REPL.
   */
  static BenchQuestions batch() {
    URL suite = BenchQuestions.class.getClassLoader().getResource(BATCH_SUITE);
    BenchQuestions all = load(suite, BATCH_SUITE);
    List<String> first = all.questions().subList(0, Math.min(BATCH_SIZE, all.questions().size()));
    String origin =
        all.origin().equals(BATCH_SUITE)
            ? "the first " + first.size() + " of " + BATCH_SUITE
            : all.origin();
    return new BenchQuestions(origin, first);
  }

  /** The shipped suite's questions. */
  static BenchQuestions load() {
    return load(BenchQuestions.class.getClassLoader().getResource(SUITE));
  }

  /**
   * @param suite the suite to read, or null when there is none
   */
  static BenchQuestions load(URL suite) {
    return load(suite, SUITE);
  }

  private static BenchQuestions load(URL suite, String name) {
    String fallback = "built-in generic questions (no " + name + ")";
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
          return new BenchQuestions(name, questions);
        }
        fallback = "built-in generic questions (" + name + " has no cases)";
      } catch (IOException | RuntimeException e) {
        // A suite being edited must not stop the bench: say so and use the generic questions.
        fallback = "built-in generic questions (" + name + " unreadable: " + e.getMessage() + ")";
      }
    }
    return new BenchQuestions(fallback, BUILT_IN);
  }
}
