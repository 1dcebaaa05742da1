package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @Test
  void should_time_warm_queries_and_print_p50_p95_beside_targets() {
    FakeAnswerer fake = new FakeAnswerer();

    Cli.Result result =
        Cli.run(fake.opener(), "bench", "--in-process-only", "--rounds", "2", "--warmup", "1");

    assertThat(result.code()).isZero();
    int questions = BenchQuestions.load().questions().size();
    assertThat(fake.asked).hasSize(3 * questions);
    assertThat(result.out())
        .contains("(" + 2 * questions + " queries: 2 rounds after 1 warm-up")
        .containsPattern("p50 +\\d+\\.\\d ms +\\(target <= 15 ms: (within|OVER) target\\)")
        .containsPattern("p95 +\\d+\\.\\d ms +\\(target <= 30 ms: (within|OVER) target\\)")
        .doesNotContain("Second start");
  }

  @Test
  void should_exit_2_for_zero_rounds() {
    Cli.Result result = Cli.run(Cli.never(), "bench", "--rounds", "0");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--rounds");
  }

  @Test
  void should_say_within_or_over_target() {
    assertThat(Bench.figure("p50", 12.34, "ms", 15))
        .isEqualTo("  p50               12.3 ms   (target <= 15 ms: within target)");
    assertThat(Bench.figure("peak RSS", 401, "MB", 400)).endsWith("OVER target)");
    assertThat(Bench.figure("max", 3, "ms", Double.NaN)).doesNotContain("target");
  }

  @Test
  void should_read_the_questions_of_the_evaluation_suite(@TempDir Path home) throws Exception {
    Path suite = home.resolve("suite.yaml");
    Files.writeString(
        suite,
        "cases:\n  - id: a\n    question: Who wrote it?\n    expect: x\n"
            + "  - id: b\n    question: \"What is 'it' about?\"\n",
        StandardCharsets.UTF_8);

    BenchQuestions questions = BenchQuestions.load(suite.toUri().toURL());

    assertThat(questions.origin()).isEqualTo(BenchQuestions.SUITE);
    assertThat(questions.questions()).containsExactly("Who wrote it?", "What is 'it' about?");
  }

  @Test
  void should_fall_back_to_generic_questions_and_say_why(@TempDir Path home) throws Exception {
    assertThat(BenchQuestions.load(null).questions()).isEqualTo(BenchQuestions.BUILT_IN);
    assertThat(BenchQuestions.load(null).origin()).contains("no " + BenchQuestions.SUITE);

    Path suite = home.resolve("suite.yaml");
    Files.writeString(suite, "cases: [ {id: a, question: \n", StandardCharsets.UTF_8);
    assertThat(BenchQuestions.load(suite.toUri().toURL()).origin()).contains("unreadable");
  }

  @Test
  void should_read_the_memory_high_water_mark_of_this_process() {
    Path status = Path.of("/proc/self/status");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(status), "needs Linux /proc");

    assertThat(ChildProcess.highWaterMarkKb(status))
        .hasValueSatisfying(kb -> assertThat(kb).isPositive());
  }
}
