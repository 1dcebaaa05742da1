package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.config.ConfigKey;
import app.essayqa.config.ConfigKeys;
import app.essayqa.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards the shipped {@code config/essay-qa.yaml}: every key the program knows is in it, with a
 * comment saying what it does, and the file loads.
 */
class ConfigFileDocumentedTest {
  private static final Path FILE = Path.of(ConfigLoader.DEFAULT_FILE);

  @Test
  void should_document_every_key_with_a_comment() throws Exception {
    Map<String, Boolean> documented = scan(Files.readAllLines(FILE, StandardCharsets.UTF_8));

    for (ConfigKey key : ConfigKeys.all()) {
      assertThat(documented).as("%s is in %s", key.name(), FILE).containsKey(key.name());
      assertThat(documented.get(key.name()))
          .as("%s has a comment line just above it in %s", key.name(), FILE)
          .isTrue();
    }
  }

  @Test
  void should_load_without_errors() {
    assertThat(
            ConfigLoader.load(Path.of("").toAbsolutePath(), FILE, true, Map.of(), Map.of())
                .sources())
        .containsKeys(ConfigKeys.SEEDS_DIR);
  }

  @Test
  void should_find_nested_and_flat_keys_and_their_comments() {
    Map<String, Boolean> found =
        scan(
            List.of(
                "# file header",
                "retrieval:",
                "  # how many",
                "  top-k: 3",
                "  fusion: rrf",
                "",
                "# flat form",
                "seeds.dir: seeds"));

    assertThat(found)
        .containsEntry("retrieval.top-k", true)
        .containsEntry("retrieval.fusion", false)
        .containsEntry("seeds.dir", true);
  }

  /**
   * Maps each leaf key's dotted name to whether a comment line (or a trailing comment) documents
   * it. Indentation gives the nesting, as in YAML block mappings.
   */
  static Map<String, Boolean> scan(List<String> lines) {
    Map<String, Boolean> keys = new HashMap<>();
    List<Integer> indents = new ArrayList<>();
    List<String> path = new ArrayList<>();
    boolean commentAbove = false;
    for (String raw : lines) {
      String line = raw.stripTrailing();
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        commentAbove = true;
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (trimmed.isEmpty() || trimmed.startsWith("-") || colon <= 0) {
        commentAbove = trimmed.isEmpty() && commentAbove;
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
        indents.remove(indents.size() - 1);
        path.remove(path.size() - 1);
      }
      String name = trimmed.substring(0, colon).strip();
      String rest = trimmed.substring(colon + 1).strip();
      String dotted = path.isEmpty() ? name : String.join(".", path) + "." + name;
      if (rest.isEmpty() && ConfigKeys.find(dotted).isEmpty()) {
        indents.add(indent);
        path.add(name);
      } else {
        keys.put(dotted, commentAbove || rest.contains(" #"));
      }
      commentAbove = false;
    }
    return keys;
  }
}
