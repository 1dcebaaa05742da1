package app.essayqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mistake in the configuration file is one line naming the file, the line and the problem.
 */
class ConfigLoaderMessagesTest {
  @TempDir Path dir;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "a key given twice",
            "retrieval:\n  top-k: 4\n  fusion: rrf\n  top-k: 5\n",
            ":4: retrieval.top-k is set twice (first at line 2)"),
        Arguments.of(
            "a key given twice, once dotted",
            "retrieval.top-k: 4\nretrieval:\n  top-k: 5\n",
            ":3: retrieval.top-k is set twice (first at line 1)"),
        Arguments.of(
            "a YAML syntax error",
            "retrieval:\n  top-k: 3\n fusion: [rrf\n",
            ": not valid YAML at line 3"),
        Arguments.of(
            "a section given a value",
            "retrieval: 5\n",
            ":1: retrieval is a section, not a key: put keys under it (e.g. retrieval.top-k)"),
        Arguments.of(
            "an unknown key",
            "answer:\n  max-chars: 300\nretrieval:\n  topk: 5\n",
            ":4: unknown key 'retrieval.topk' (value '5'); did you mean 'retrieval.top-k'?"),
        Arguments.of(
            "a bad value",
            "retrieval:\n\n  top-k: lots\n",
            ":3: bad value 'lots' for retrieval.top-k"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void should_name_file_and_line_in_one_line(String mistake, String yaml, String expected)
      throws IOException {
    Path file = dir.resolve("essay-qa.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(file + expected)
        .hasMessageNotContaining("\n");
  }

  @Test
  void should_say_a_config_path_is_a_folder_rather_than_not_found() {
    assertThatThrownBy(() -> load(dir)).hasMessage(dir + ": is a folder, not a configuration file");
  }

  @Test
  void should_name_the_line_and_column_of_a_byte_that_is_not_utf8() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "retrieval:\n  fusion: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> load(file))
        .hasMessage(file + ":2: not UTF-8 text (byte 0xe9 at column 14); save the file as UTF-8");
  }

  @Test
  void should_say_no_file_name_was_given_for_an_empty_config_option() {
    assertThatThrownBy(() -> load(Path.of(""))).hasMessage("--config: no file name given");
  }

  @Test
  void should_read_a_section_whose_keys_are_all_commented_out_as_empty() throws IOException {
    Path file = dir.resolve("essay-qa.yaml");
    Files.writeString(file, "retrieval:\n  # top-k: 5\nanswer: null\n", StandardCharsets.UTF_8);

    Config config = load(file);

    assertThat(config.getInt(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo(3);
  }

  @Test
  void should_reject_a_misspelled_environment_variable_with_a_suggestion() {
    assertThatThrownBy(
            () -> ConfigLoader.applyEnv(defaults(), Map.of("ESSAYQA_RETRIEVAL_TOPK", "5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "environment ESSAYQA_RETRIEVAL_TOPK: names no configuration key; did you mean"
                + " ESSAYQA_RETRIEVAL_TOP_K?")
        .hasMessageNotContaining("'5'");
  }

  @Test
  void should_never_show_the_value_of_a_misspelled_secret() {
    assertThatThrownBy(
            () ->
                ConfigLoader.applyEnv(
                    defaults(), Map.of("ESSAYQA_LLM_API_KY", "sk-live-do-not-print-me")))
        .hasMessageContaining("did you mean ESSAYQA_LLM_API_KEY?")
        .hasMessageNotContaining("sk-live");
  }

  @Test
  void should_accept_the_launchers_own_variables_and_other_programs_variables() {
    Map<String, String> env =
        Map.of(
            "ESSAYQA_HOME", "/opt/essay-qa",
            "ESSAYQA_JAVA_OPTS", "-Xmx256m",
            "ESSAYQA_CDS", "off",
            "ESSAYQA_LOG_LEVEL", "debug",
            "ESSAYQA_LLM_API_KEY", "sk-secret",
            "ESSAYQA_RETRIEVAL_TOP_K", "5",
            "HOME", "/root");

    Config config = ConfigLoader.applyEnv(defaults(), env);

    assertThat(config.getInt(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo(5);
    assertThat(config.values().values()).doesNotContain("sk-secret");
  }

  private Config defaults() {
    return Config.defaults(dir);
  }

  private Config load(Path file) {
    return ConfigLoader.load(dir, file, true, Map.of(), Map.of());
  }
}
