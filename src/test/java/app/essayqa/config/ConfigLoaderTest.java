package app.essayqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void should_name_key_value_and_file_for_an_unknown_key() throws IOException {
    Path file = file("retrieval:\n  topk: 5\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("retrieval.topk")
        .hasMessageContaining("'5'")
        .hasMessageContaining("did you mean 'retrieval.top-k'");
  }

  @Test
  void should_name_key_value_and_file_for_a_bad_value() throws IOException {
    Path file = file("retrieval:\n  top-k: lots\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("retrieval.top-k")
        .hasMessageContaining("'lots'")
        .hasMessageContaining("whole number");
  }

  @Test
  void should_reject_values_out_of_range_and_outside_the_choices() {
    Config defaults = Config.defaults(dir);

    assertThatThrownBy(() -> defaults.with(ConfigKeys.RETRIEVAL_TOP_K, "0", "--set"))
        .hasMessageContaining("between 1 and 20");
    assertThatThrownBy(() -> defaults.with(ConfigKeys.RETRIEVAL_FUSION, "max", "--set"))
        .hasMessageContaining("one of rrf, blend");
    assertThatThrownBy(() -> defaults.with(ConfigKeys.ABSTENTION_MIN_SIMILARITY, "NaN", "--set"))
        .hasMessageContaining("expected a number");
  }

  @Test
  void should_reject_an_empty_path_and_never_repeat_a_token_put_in_the_file() throws IOException {
    assertThatThrownBy(() -> Config.defaults(dir).with(ConfigKeys.SEEDS_DIR, " ", "--set"))
        .hasMessageContaining("expected a folder path");
    Path file = file("telegram:\n  token: 12345:fake-token-for-tests-only\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .hasMessageContaining("unknown key 'telegram.token'")
        .hasMessageContaining("<hidden>")
        .hasMessageNotContaining("fake-token");
  }

  @Test
  void should_report_the_line_of_a_yaml_syntax_error() throws IOException {
    Path file = file("retrieval:\n  top-k: 3\n fusion: [rrf\n");

    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid YAML at line");
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
  void should_fail_clearly_for_a_missing_explicit_file_and_a_non_mapping() throws IOException {
    assertThatThrownBy(
            () -> ConfigLoader.load(dir, dir.resolve("nope.yaml"), true, Map.of(), Map.of()))
        .hasMessageContaining("nope.yaml: configuration file not found");
    Path file = file("- just\n- a list\n");
    assertThatThrownBy(() -> ConfigLoader.load(dir, file, true, Map.of(), Map.of()))
        .hasMessageContaining("expected a mapping");
  }
}
