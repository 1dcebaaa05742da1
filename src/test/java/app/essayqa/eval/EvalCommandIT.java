package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.launcher.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} end to end over a small suite: real model, real reports, gates and sweep. */
class EvalCommandIT {
  private static final String CACHE = "--set=cache.dir=target/test-cache";
  private static final String SUITE =
      """
      name: small
      thresholds:
        faithfulness: 1.0
      cases:
        - id: author
          question: Who wrote the essay?
          evidence: ["Carmina Yu Untalan"]
          tags: [author]
        - id: workshop
          question: Where was the first workshop held?
          evidence: ["National Library of Korea"]
          answer_contains: [["Seoul", "National Library of Korea"]]
        - id: recipe
          question: Give me a recipe for pancakes.
          abstain: true
          tags: [far-off]
      """;

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_run_a_suite_write_reports_and_compare_with_them() throws IOException {
    Path suite = dir.resolve("small.yaml");
    Files.writeString(suite, SUITE);
    Path reports = dir.resolve("reports");

    Run first =
        run("eval", suite.toString(), CACHE, "--report-dir", reports.toString(), "--baseline");

    assertThat(first.code()).as(first.out() + first.err()).isZero();
    assertThat(first.out())
        .contains(
            "Suite small", "hit@1", "far-off", "easy-rag (baseline)", "faithfulness", "Gates:");
    assertThat(first.err()).doesNotContain("[#");
    JsonNode json = new ObjectMapper().readTree(reports.resolve("small.json").toFile());
    assertThat(json.path("cases")).hasSize(3);
    assertThat(json.path("metrics").path("faithfulness").asDouble()).isEqualTo(1.0);
    assertThat(json.path("baseline").path("metrics").path("abstention_recall").asDouble()).isZero();
    assertThat(reports.resolve("small.junit.xml")).isNotEmptyFile();
    assertThat(reports.resolve("small.html")).isNotEmptyFile();
    try (var leftovers = Files.list(reports)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .as("spill files are removed")
          .containsExactlyInAnyOrder("small.json", "small.junit.xml", "small.html");
    }

    Run second =
        run("eval", suite.toString(), CACHE, "--compare", reports.resolve("small.json").toString());

    assertThat(second.code()).isZero();
    assertThat(second.out()).contains("Compared with", "pass -> fail:", "fail -> pass:");
  }

  @Test
  void should_exit_1_when_a_figure_is_below_its_threshold() throws IOException {
    Path suite = dir.resolve("small.yaml");
    Files.writeString(suite, SUITE);

    // No answer is ever this short, so the gate must fail whatever the core's quality.
    Run run = run("eval", suite.toString(), CACHE, "--threshold", "answer_chars=1");

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).containsPattern("answer_chars\\s+<= 1 .*FAILED");
  }

  @Test
  void should_sweep_a_setting_and_print_the_runs_side_by_side() throws IOException {
    Path suite = dir.resolve("small.yaml");
    Files.writeString(suite, SUITE);

    Run run = run("eval", suite.toString(), CACHE, "--sweep", "answer.max-sentences=1,2");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "== answer.max-sentences=1 ==",
            "== answer.max-sentences=2 ==",
            "Sweep over suite small:")
        .containsPattern("metric\\s+answer.max-sentences=1\\s+answer.max-sentences=2");
  }
}
