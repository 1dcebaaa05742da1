package app.essayqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    Path file = dir.resolve("essay-qa.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void should_use_defaults_when_the_default_file_is_absent() {
    Config config =
        ConfigLoader.load(dir, dir.resolve("config/essay-qa.yaml"), false, Map.of(), Map.of());

    assertThat(config.getInt(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo(3);
    assertThat(config.sources().get(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo("default");
    assertThat(config.getPath(ConfigKeys.SEEDS_DIR)).isEqualTo(dir.resolve("seeds"));
  }

  @Test
  void should_let_env_override_the_file_and_set_override_env() throws IOException {
    Path file = file("retrieval:\n  top-k: 4\n  fusion: blend\n");

    Config config =
        ConfigLoader.load(
            dir,
            file,
            true,
            Map.of("ESSAYQA_RETRIEVAL_TOP_K", "5", "TELEGRAM_API_URL", "http://127.0.0.1:9"),
            Map.of("retrieval.top-k", "6"));

    assertThat(config.getInt(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo(6);
    assertThat(config.getString(ConfigKeys.RETRIEVAL_FUSION)).isEqualTo("blend");
    assertThat(config.getString(ConfigKeys.TELEGRAM_API_URL)).isEqualTo("http://127.0.0.1:9");
    assertThat(config.sources().get(ConfigKeys.RETRIEVAL_FUSION)).isEqualTo(file.toString());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "an unknown key",
            "retrieval:\n  topk: 5\n",
            List.of("retrieval.topk", "'5'", "did you mean 'retrieval.top-k'")),
        Arguments.of(
            "a value of the wrong type",
            "retrieval:\n  top-k: lots\n",
            List.of("retrieval.top-k", "'lots'", "whole number")),
        Arguments.of(
            "a YAML syntax error",
            "retrieval:\n  top-k: 3\n fusion: [rrf\n",
            List.of("not valid YAML at line")),
        Arguments.of("a list at the top", "- just\n- a list\n", List.of("expected a mapping")),
        Arguments.of(
            "a token put in the file",
            "telegram:\n  token: 12345:fake-token-for-tests-only\n",
            List.of("unknown key 'telegram.token'", "<hidden>")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void should_reject_a_bad_file_naming_it_and_the_mistake_without_repeating_secrets(
      String what, String yaml, List<String> named) throws IOException {
    Path file = file(yaml);

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("fake-token")
        .satisfies(e -> assertThat(e.getMessage()).contains(named));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "retrieval.top-k            | 0   | between 1 and 20",
        "retrieval.fusion           | max | one of rrf, blend",
        "abstention.min-similarity  | NaN | expected a number",
        "seeds.dir                  | ' ' | expected a folder path",
      })
  void should_reject_a_value_out_of_range_or_outside_the_choices(
      String key, String value, String expected) {
    Config defaults = Config.defaults(dir);

    assertThatThrownBy(() -> defaults.with(key, value, "--set"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(expected);
  }

  @Test
  void should_read_lists_from_yaml_sequences_and_from_comma_separated_text() throws IOException {
    Path file = file("telegram:\n  allow: [\"@alice\", 42]\n");

    Config config =
        ConfigLoader.load(dir, file, true, Map.of("ESSAYQA_TELEGRAM_WORKERS", "2"), Map.of());

    assertThat(config.getList(ConfigKeys.TELEGRAM_ALLOW)).containsExactly("@alice", "42");
    assertThat(
            config
                .with(ConfigKeys.TELEGRAM_ALLOW, "a, b,,c", "--set")
                .getList(ConfigKeys.TELEGRAM_ALLOW))
        .containsExactly("a", "b", "c");
    assertThat(config.getInt(ConfigKeys.TELEGRAM_WORKERS)).isEqualTo(2);
  }

  @Test
  void should_fail_clearly_for_a_missing_explicit_file() {
    assertThatThrownBy(
            () -> ConfigLoader.load(dir, dir.resolve("nope.yaml"), true, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml: configuration file not found");
  }
}
