package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {
  @TempDir Path dir;

  private final float[][] vectors = {{0.6f, 0.8f}, {1f, 0f}, {0f, -1f}};

  @Test
  void should_read_back_what_it_wrote() {
    VectorCache cache = new VectorCache(dir);

    cache.write("k1", vectors);

    assertThat(cache.read("k1", 3)).hasValueSatisfying(v -> assertThat(v).isDeepEqualTo(vectors));
    assertThat(cache.read("other", 3)).isEmpty();
  }

  @Test
  void should_treat_a_corrupt_truncated_or_mismatched_file_as_missing() throws IOException {
    VectorCache cache = new VectorCache(dir);
    cache.write("k1", vectors);
    Path file = cache.file("k1");

    assertThat(cache.read("k1", 4)).as("row count differs").isEmpty();

    byte[] bytes = Files.readAllBytes(file);
    bytes[20] ^= 0x55;
    Files.write(file, bytes);
    assertThat(cache.read("k1", 3)).as("flipped byte").isEmpty();

    Files.write(file, new byte[] {1, 2, 3});
    assertThat(cache.read("k1", 3)).as("truncated").isEmpty();

    cache.write("k1", vectors);
    assertThat(cache.read("k1", 3)).as("rewritten").isPresent();
  }

  @Test
  void should_leave_no_part_file_behind_when_the_rename_fails() throws IOException {
    VectorCache cache = new VectorCache(dir);
    // A folder in the way of the cache file makes the rename fail, start after start.
    Files.createDirectories(cache.file("k1").resolve("in-the-way"));

    cache.write("k1", vectors);
    cache.write("k1", vectors);

    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly(cache.file("k1").getFileName().toString());
    }
  }

  @Test
  void should_warn_not_fail_when_the_folder_cannot_be_written() throws IOException {
    Path notAFolder = dir.resolve("file");
    Files.writeString(notAFolder, "x");

    new VectorCache(notAFolder).write("k", vectors);

    assertThat(new VectorCache(notAFolder).read("k", 3)).isEmpty();
  }
}
