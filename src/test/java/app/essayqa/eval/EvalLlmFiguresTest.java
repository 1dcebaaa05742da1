package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Generation;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.generate.FakeOpenAiServer;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} in both answer modes: the language-model figures (verified citations, fallback rate,
 * model latency) appear only where a model was asked, side by side in a sweep, and the judge's
 * grade is reported apart.
 */
class EvalLlmFiguresTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  static final String SUITE =
      """
      cases:
        - {id: a, question: "Where did it meet?", evidence: [in Seoul], answer_contains: [Seoul]}
        - {id: b, question: "When did it meet?", evidence: [December 2019], answer_contains: ["2019"]}
      """;

  @Test
  void should_add_the_model_figures_beside_the_extractive_ones_in_a_sweep() throws IOException {
    run(
        new EvalOptions(
            List.of(suite()),
            3,
            Optional.empty(),
            List.of(),
            Map.of(),
            Optional.of("answer.mode=extractive,llm"),
            false,
            50),
        Config.defaults(dir));

    String shown = out.toString();
    assertThat(shown).contains("Sweep over suite");
    String table = shown.substring(shown.indexOf("Sweep over suite"));
    // Two answers, one shown as the model wrote it (3 of 4 citations checked), one fallen back.
    assertThat(table).containsPattern("verified_citations\\s+-\\s+0\\.750");
    assertThat(table).containsPattern("fallback_rate\\s+-\\s+0\\.500");
    assertThat(table).containsPattern("model_latency_p50_ms\\s+-\\s+120\\.0");
    assertThat(table).containsPattern("model_latency_p95_ms\\s+-\\s+300\\.0");
  }

  @Test
  void should_leave_the_model_figures_out_of_an_extractive_run() throws IOException {
    run(options(Optional.empty()), Config.defaults(dir));

    assertThat(out.toString()).doesNotContain("verified", "fallback", "llm p50", "Judge");
  }

  @Test
  void should_report_the_judges_grades_apart_from_the_figures() throws IOException {
    try (FakeOpenAiServer judge = new FakeOpenAiServer()) {
      judge.thenText("CORRECT").thenText("INCORRECT");
      Config config =
          Config.defaults(dir)
              .with(ConfigKeys.ANSWER_MODE, "llm", "test")
              .with(ConfigKeys.LLM_BASE_URL, judge.baseUrl(), "test")
              .with(ConfigKeys.LLM_MODEL, "judge-model", "test");

      run(options(Optional.of(new EvalOptions.Judge(Optional.empty(), Optional.empty()))), config);

      assertThat(out.toString())
          .contains("Judge (judge-model at " + judge.baseUrl() + "; an opinion, not a gate):")
          .contains("1 of 2 graded answers correct (0.500)");
      assertThat(judge.requests()).hasSize(2);
      assertThat(judge.requests().get(0).messages().get(1))
          .contains("\"question\" : \"Where did it meet?\"", "Seoul");
    }
  }

  private EvalOptions options(Optional<EvalOptions.Judge> judge) throws IOException {
    return new EvalOptions(
        List.of(suite()),
        3,
        Optional.empty(),
        List.of(),
        Map.of(),
        Optional.empty(),
        false,
        50,
        judge);
  }

  private Path suite() throws IOException {
    return Files.writeString(dir.resolve("suite.yaml"), SUITE, StandardCharsets.UTF_8);
  }

  private void run(EvalOptions options, Config config) {
    Answerer.Opener opener = c -> new Modal(c.getString(ConfigKeys.ANSWER_MODE).equals("llm"));
    new Evaluation(opener, options)
        .run(() -> config, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** Quotes the fixture; in llm mode, says how a model wrote (or failed to write) it. */
  private static final class Modal implements Answerer {
    private final boolean llm;
    private final AtomicInteger n = new AtomicInteger();

    Modal(boolean llm) {
      this.llm = llm;
    }

    @Override
    public Answer ask(String question, Conversation conversation) {
      Answer quoted =
          Fixtures.answer(
              "The workshop met in Seoul in December 2019. [1]",
              "The workshop met in Seoul in December 2019.");
      if (!llm) {
        return quoted;
      }
      // The warm-up call is the first; then the cases alternate: verified, fallen back.
      boolean verified = n.getAndIncrement() % 2 == 1;
      Generation g =
          new Generation(
              "m",
              question,
              verified ? 1 : 2,
              verified ? 1 : 3,
              verified ? 1 : 2,
              0,
              List.of(),
              0,
              0,
              verified ? 120 : 300,
              5,
              verified ? Optional.empty() : Optional.of("twice, no sentence passed"));
      return new Answer(
          quoted.question(),
          quoted.text(),
          false,
          quoted.citations(),
          List.of(),
          "v1",
          Map.of(),
          List.of(),
          Optional.of(g));
    }

    @Override
    public Library library() {
      return new Library(
          List.of(new DocumentParser().parse(Fixtures.DOC_ID, Fixtures.TEXT)), List.of());
    }

    @Override
    public String indexVersion() {
      return "v1";
    }

    @Override
    public void close() {}
  }
}
