package app.essayqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.error.EssayQaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoaderTest {
  @TempDir Path seeds;

  @Test
  void should_skip_binary_empty_and_non_utf8_files_with_a_warning_naming_each() throws IOException {
    Files.writeString(
        seeds.resolve("good.md"), "# Title\n\nSome text here.\n", StandardCharsets.UTF_8);
    Files.write(seeds.resolve("binary.txt"), new byte[] {'a', 0, 1, 2});
    Files.write(seeds.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    Files.writeString(seeds.resolve("empty.txt"), "  \n");
    Files.writeString(seeds.resolve("notes.csv"), "ignored: not a document format");

    Library library = new SeedLoader().load(seeds);

    assertThat(library.documents()).extracting(Document::id).containsExactly("good.md");
    assertThat(library.warnings())
        .containsExactlyInAnyOrder(
            "skipped seed file binary.txt: binary, not text",
            "skipped seed file empty.txt: empty",
            "skipped seed file latin1.txt: not UTF-8 text");
  }

  @Test
  void should_fail_clearly_for_a_missing_folder_and_one_without_usable_files() throws IOException {
    assertThatThrownBy(() -> new SeedLoader().load(seeds.resolve("missing")))
        .isInstanceOf(EssayQaException.class)
        .hasMessageStartingWith("seeds folder not found: ");
    Files.write(seeds.resolve("binary.txt"), new byte[] {0, 0});
    assertThatThrownBy(() -> new SeedLoader().load(seeds))
        .isInstanceOf(EssayQaException.class)
        .hasMessageContaining("no usable document")
        .hasMessageContaining("binary.txt");
  }

  @Test
  void should_add_the_files_of_extra_folders_and_skip_a_name_already_taken(@TempDir Path extra)
      throws IOException {
    Files.writeString(seeds.resolve("essay.txt"), "Essay\n\nThe essay text.\n");
    Files.writeString(extra.resolve("essay.txt"), "Another\n\nSame name, other text.\n");
    Files.writeString(extra.resolve("manual.txt"), "Manual\n\nA distractor document.\n");

    SeedLoader.Seeds read = new SeedLoader().read(seeds, java.util.List.of(extra));

    assertThat(read.files())
        .extracting(SeedLoader.SeedFile::name)
        .containsExactly("essay.txt", "manual.txt");
    assertThat(read.files().get(0).text()).contains("The essay text.");
    assertThat(read.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("essay.txt", "name already used"));
  }
}
