package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.config.ConfigKey;
import app.essayqa.config.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void should_print_every_key_with_its_value_and_source() throws Exception {
    Path file = write("retrieval:\n  top-k: 5\n");

    Cli.Result result =
        Cli.run(
            Cli.never(), "config", "--config", file.toString(), "--set", "answer.max-sentences=3");

    assertThat(result.code()).isZero();
    for (ConfigKey key : ConfigKeys.all()) {
      assertThat(result.out()).contains(key.name());
    }
    assertThat(line(result.out(), ConfigKeys.RETRIEVAL_TOP_K))
        .contains(" 5 ")
        .contains(file.toString());
    assertThat(line(result.out(), ConfigKeys.ANSWER_MAX_SENTENCES))
        .contains(" 3 ")
        .contains("--set");
    assertThat(line(result.out(), ConfigKeys.RETRIEVAL_FUSION)).contains("rrf").contains("default");
  }

  @Test
  void should_show_the_shipped_file_relative_to_the_project_folder() {
    Cli.Result result = Cli.run(Cli.never(), "config");

    assertThat(result.code()).isZero();
    assertThat(line(result.out(), ConfigKeys.SEEDS_DIR)).endsWith("  config/essay-qa.yaml");
  }

  @Test
  void should_print_the_same_with_the_root_print_config_option() throws Exception {
    Path file = write("retrieval:\n  top-k: 7\n");

    Cli.Result viaOption = Cli.run(Cli.never(), "--print-config", "--config", file.toString());
    Cli.Result viaCommand = Cli.run(Cli.never(), "config", "--config", file.toString());

    assertThat(viaOption.code()).isZero();
    assertThat(viaOption.out()).isEqualTo(viaCommand.out());
  }

  @Test
  void should_exit_2_naming_key_value_and_file_for_an_unknown_key() throws Exception {
    Path file = write("retrieval:\n  top-kk: 5\n");

    Cli.Result result = Cli.run(Cli.never(), "config", "--config", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: ")
        .contains("retrieval.top-kk", "5", file.toString(), "did you mean 'retrieval.top-k'");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void should_exit_2_for_a_yaml_syntax_error() throws Exception {
    Path file = write("retrieval:\n  top-k: [5\n");

    Cli.Result result = Cli.run(Cli.never(), "ask", "--config", file.toString(), "why?");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains(file.toString(), "not valid YAML").doesNotContain("\tat ");
  }

  @Test
  void should_exit_2_for_a_missing_config_file() {
    Path missing = dir.resolve("missing.yaml");

    Cli.Result result = Cli.run(Cli.never(), "repl", "--config", missing.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains(missing.toString(), "not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"retrieval.top-k=abc", "retrieval.top-k=0", "retrieval.fusion=max"})
  void should_exit_2_naming_key_and_value_for_a_bad_set(String set) {
    Cli.Result result = Cli.run(Cli.never(), "ask", "--set", set, "why?");

    String[] kv = set.split("=");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--set", kv[0], "'" + kv[1] + "'");
  }

  @Test
  void should_exit_2_for_a_set_without_equals_sign() {
    Cli.Result result = Cli.run(Cli.never(), "config", "--set", "retrieval.top-k");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("KEY=VALUE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "repl", "ask", "config", "bench"})
  void should_print_help_for_every_command(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

    Cli.Result result = Cli.run(Cli.never(), args);

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Usage: essay-qa" + (command.isEmpty() ? "" : " " + command));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void should_exit_2_for_an_unknown_command_or_option() {
    assertThat(Cli.run(Cli.never(), "asks", "why?").code()).isEqualTo(2);
    Cli.Result result = Cli.run(Cli.never(), "ask", "--jsn", "why?");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--jsn");
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("essay-qa.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  private static String line(String table, String key) {
    return table.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow();
  }
}
