package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyStoreTest {
  private static final String TEXT =
      "A Test Essay\n\nThe workshop was held in Seoul with Dr Koga. Trade grew quickly.\n";

  @Test
  void should_store_each_files_vocabulary_and_read_it_back_without_analysing_again(
      @TempDir Path folder) {
    Library library =
        new Library(List.of(new DocumentParser().parse("essay.txt", TEXT)), List.of());
    List<EssayIndex.FilePart> files =
        List.of(new EssayIndex.FilePart("essay.txt", "key", 0, 2, true));
    try (TermAnalyzer analyzer = new TermAnalyzer(List.of())) {
      Vocabulary analysed = Vocabulary.of(library, analyzer);
      Vocabulary stored = Vocabulary.of(files, library, analyzer, folder);
      // The next start finds the file's part on disk: the document itself is not needed.
      Vocabulary read = Vocabulary.of(files, new Library(List.of(), List.of()), analyzer, folder);

      assertThat(Files.exists(folder.resolve("key.vocab"))).isTrue();
      for (Vocabulary v : List.of(stored, read)) {
        assertThat(v.knows("workshop")).isEqualTo(analysed.knows("workshop")).isTrue();
        assertThat(v.knows("treaty")).isFalse();
        assertThat(v.isNameWord("Koga")).isEqualTo(analysed.isNameWord("Koga")).isTrue();
        assertThat(v.isNameWord("trade")).isFalse();
      }
    }
  }
}
