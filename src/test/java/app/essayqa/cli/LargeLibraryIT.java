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
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library no heap flag was chosen for, indexed by {@code ./essay-qa} as a user starts it (the
 * launcher's own heap, no {@code ESSAYQA_JAVA_OPTS}): a manual with a 20,000-character block
 * without a full stop, beside a generated 2 MB file. About a minute of model time on a quiet 2-core
 * machine, most of it the 2 MB file.
 */
@Timeout(900)
class LargeLibraryIT {
  private static final Path LAUNCHER = Path.of("essay-qa").toAbsolutePath();
  private static final String[] FILLER = {
    "river", "ledger", "harbour", "signal", "winter", "lantern", "meadow", "engine", "garden",
    "window", "market", "thunder", "pocket", "silver", "canvas", "orbit", "pebble", "candle"
  };

  @TempDir Path seeds;
  @TempDir Path cache;

  @Test
  void should_index_a_20000_character_block_and_a_2_mb_file_under_the_default_heap()
      throws Exception {
    // given: the block, its one distinctive clause in the middle
    Random random = new Random(16);
    StringBuilder block = new StringBuilder();
    while (block.length() < 10_000) {
      block.append(clause(random)).append(",\n");
    }
    String fact = "the --vellum-mode option chooses the copper quill for the northern scriptorium";
    block.append(fact).append(";\n");
    while (block.length() < 20_000) {
      block.append(clause(random)).append(",\n");
    }
    String manual =
        "A Generated Manual\n\nThe options of the tool are listed below. Each sets one thing.\n\n"
            + block.toString().strip()
            + "\n";
    assertThat(block.toString()).doesNotContain(".");
    Files.writeString(seeds.resolve("manual.txt"), manual, StandardCharsets.UTF_8);
    Files.writeString(seeds.resolve("big.txt"), bigFile(random), StandardCharsets.UTF_8);
    assertThat(Files.size(seeds.resolve("big.txt"))).isGreaterThanOrEqualTo(2_000_000);

    // when
    Run run =
        launch(
            "ask",
            "--json",
            "--set",
            "seeds.dir=" + seeds,
            "--",
            "What does the vellum mode option choose for the northern scriptorium?");

    // then: indexed and answered, from the piece of the block that holds the fact
    assertThat(run.code).as(run.err).isZero();
    assertThat(run.err).doesNotContain("Exception", "out of memory", "\tat ");
    JsonNode answer = new ObjectMapper().readTree(run.out);
    JsonNode cited = answer.get("citations").get(0);
    assertThat(cited.get("document").asText()).isEqualTo("manual.txt");
    String quote = cited.get("quote").asText();
    assertThat(quote).contains("--vellum-mode").hasSizeLessThan(2_000);
    assertThat(manual.substring(cited.get("start").asInt(), cited.get("end").asInt()))
        .isEqualTo(quote);

    // and: the block is many passages, each verbatim at its offsets
    JsonNode document = storedDocument("manual.txt");
    JsonNode paragraph = document.get("paragraphs").get(document.get("paragraphs").size() - 1);
    assertThat(paragraph.get("text").asText()).isEqualTo(block.toString().strip());
    JsonNode sentences = paragraph.get("sentences");
    assertThat(sentences.size()).isGreaterThanOrEqualTo(10);
    for (JsonNode s : sentences) {
      assertThat(manual.substring(s.get("start").asInt(), s.get("end").asInt()))
          .isEqualTo(s.get("text").asText())
          .hasSizeLessThan(2_000);
    }
  }

  private static String clause(Random random) {
    StringBuilder c = new StringBuilder("the ");
    for (int w = 0; w < 8; w++) {
      c.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
    }
    return c.append(random.nextInt(1000)).toString();
  }

  /**
   * 2 MB of plain sentences (no commas, so no clause runs): paragraphs of 8 under a heading every
   * 40 paragraphs.
   */
  private static String bigFile(Random random) {
    StringBuilder text = new StringBuilder("A Generated Almanac\n\n");
    for (int p = 0; text.length() < 2_000_000; p++) {
      if (p % 40 == 0) {
        text.append("Part ").append(p / 40 + 1).append(" of the almanac\n\n");
      }
      for (int s = 0; s < 8; s++) {
        text.append(String.format(Locale.ROOT, "Entry %d.%d records that", p, s));
        for (int w = 0; w < 12; w++) {
          text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
        }
        text.append(". ");
      }
      text.append("\n\n");
    }
    return text.toString();
  }

  private JsonNode storedDocument(String id) throws IOException {
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(cache.resolve("index/files"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode document = json.readTree(file.toFile());
        if (document.get("id").asText().equals(id)) {
          return document;
        }
      }
    }
    throw new AssertionError("no stored document " + id);
  }

  private record Run(int code, String out, String err) {}

  private Run launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("ESSAYQA_JAVA_OPTS");
    builder.environment().put("ESSAYQA_CACHE_DIR", cache.toString());
    builder.environment().put("ESSAYQA_CDS", "off");
    Path out = Files.createTempFile("large-out", ".txt");
    Path err = Files.createTempFile("large-err", ".txt");
    try {
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Process process = builder.start();
      if (!process.waitFor(850, TimeUnit.SECONDS)) {
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
