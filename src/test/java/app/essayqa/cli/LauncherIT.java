package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The top-level {@code ./essay-qa} launcher as a user runs it, on the jar {@code mvn package} just
 * built (so it does not rebuild): exit codes, stdout kept for answers, piped REPL.
 */
@Timeout(180)
class LauncherIT {
  private static final Path LAUNCHER = Path.of("essay-qa").toAbsolutePath();

  private record Run(int code, String out, String err) {}

  @Test
  void should_be_an_executable_file_at_the_top_level() {
    assertThat(LAUNCHER).isRegularFile().isExecutable();
  }

  @Test
  void should_answer_in_json_on_stdout_only() throws Exception {
    Run run = launch("", "ask", "--json", "--", "What does the essay say about history?");

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out.lines()).hasSize(1);
    JsonNode answer = new ObjectMapper().readTree(run.out);
    assertThat(answer.get("question").asText()).isEqualTo("What does the essay say about history?");
    assertThat(answer.get("index").get("version").asText()).isNotBlank();
    assertThat(run.err).doesNotContain("building", "Exception");
  }

  @Test
  void should_exit_2_for_a_usage_mistake_with_the_message_on_stderr() throws Exception {
    Run run = launch("", "ask");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err).contains("give a question");
  }

  @Test
  void should_exit_2_for_a_bad_setting_naming_key_and_value() throws Exception {
    Run run = launch("", "config", "--set", "retrieval.top-k=many");

    assertThat(run.code).isEqualTo(2);
    assertThat(run.err).contains("retrieval.top-k", "many").doesNotContain("\tat ");
  }

  @Test
  void should_run_the_repl_by_default_with_plain_output_when_piped() throws Exception {
    Run run = launch("What is the GDP of South Korea?\n:quit\n");

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out).contains("does not answer").doesNotContain("\u001b", "> ");
  }

  @Test
  void should_record_the_class_archive_again_when_it_is_damaged() throws Exception {
    // given: an archive recorded by a first run, then damaged in place
    Path archive = Path.of("target/test-cache/cds/essay-qa.jsa");
    assertThat(launch("", "ask", "Who wrote the essay?").code).isZero();
    assertThat(archive).isRegularFile();
    assertThat(archive.resolveSibling("essay-qa.jsa.sum")).isRegularFile();

    for (String damage : List.of("flipped bytes", "truncated")) {
      byte[] bytes = Files.readAllBytes(archive);
      Files.delete(archive); // the JVM writes it read-only
      if (damage.equals("truncated")) {
        bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
      } else {
        for (int i = bytes.length / 3; i < bytes.length / 3 + 4096; i++) {
          bytes[i] ^= (byte) 0xff;
        }
      }
      Files.write(archive, bytes);

      // when
      Run damaged = launch("", "ask", "Who wrote the essay?");
      Run next = launch("", "ask", "Who wrote the essay?");

      // then: one warning, an answer, and a sound archive for the run after
      assertThat(damaged.code).as(damage + ": " + damaged.err).isZero();
      assertThat(damaged.err)
          .as(damage)
          .contains("essay-qa.jsa is damaged (checksum mismatch); recording it again")
          .doesNotContain("SIGBUS", "SIGSEGV");
      assertThat(damaged.out).contains("Untalan");
      assertThat(next.code).as(damage + ": " + next.err).isZero();
      assertThat(next.err).as(damage).doesNotContain("damaged");
    }
  }

  @Test
  void should_read_arguments_that_are_not_ascii_under_a_posix_locale() throws Exception {
    Run run =
        launch(
            java.util.Map.of("LANG", "C", "LC_ALL", "C"),
            "",
            "ask",
            "--json",
            "Who is Howe’s colleague?");

    assertThat(run.code).as(run.err).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out);
    assertThat(answer.get("question").asText()).isEqualTo("Who is Howe’s colleague?");
  }

  @Test
  void should_run_questions_repl_and_eval_with_c1_only_and_the_bot_with_full_tiered_compilation()
      throws Exception {
    // The JVM prints the flags it was given (-XX:+PrintCommandLineFlags) before --help runs.
    java.util.Map<String, String> printFlags =
        java.util.Map.of("ESSAYQA_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

    for (String mode : List.of("ask", "config", "repl", "eval")) {
      assertThat(launch(printFlags, "", mode, "--help").out)
          .as(mode)
          .contains("-XX:TieredStopAtLevel=1");
    }
    for (String mode : List.of("telegram", "bench")) {
      assertThat(launch(printFlags, "", mode, "--help").out).as(mode).doesNotContain("Tiered");
    }
  }

  @Test
  void should_let_the_users_java_options_win_over_the_modes_jit_flags() throws Exception {
    Run run =
        launch(
            java.util.Map.of(
                "ESSAYQA_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"),
            "",
            "ask",
            "--help");

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.out).contains("-XX:TieredStopAtLevel=4").doesNotContain("TieredStopAtLevel=1");
  }

  private static Run launch(String input, String... args) throws IOException, InterruptedException {
    return launch(java.util.Map.of(), input, args);
  }

  private static Run launch(java.util.Map<String, String> env, String input, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // Cache (index, model, class archive) beside the other tests', not in the user's .cache.
    builder.environment().put("ESSAYQA_CACHE_DIR", "target/test-cache");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("launcher-out", ".txt");
    Path err = Files.createTempFile("launcher-err", ".txt");
    try {
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(150, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the launcher did not finish: " + command);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
