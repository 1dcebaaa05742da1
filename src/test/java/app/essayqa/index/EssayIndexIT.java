package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.ingest.SeedLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EssayIndexIT {
  private static final Path CACHE = Path.of("target/test-cache");
  private static TokenEncoder tokens;
  private static TermAnalyzer analyzer;

  @TempDir Path seeds;
  @TempDir Path cache;
  private final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void load() {
    tokens = EmbeddingModels.allMiniLmTokens(CACHE);
    analyzer = new TermAnalyzer(java.util.List.of());
  }

  @AfterAll
  static void close() {
    tokens.close();
    analyzer.close();
  }

  /** What indexing told its progress listener: files parsed and sentences run through the model. */
  private static final class Recorder implements IndexProgress {
    final List<String> parsed = new ArrayList<>();
    int sentences;

    @Override
    public void fileParsed(String name, long chars, int count) {
      parsed.add(name);
    }

    @Override
    public void sentences(int count) {
      sentences += count;
    }
  }

  private EssayIndex build(Path seedsDir, Path cacheDir, IndexProgress progress) {
    return EssayIndex.build(
        new SeedLoader().read(seedsDir, List.of()),
        1,
        true,
        tokens,
        new FileIndexStore(cacheDir.resolve("files"), warnings::add),
        new WordVectorStore(cacheDir.resolve("words.bin"), warnings::add),
        analyzer::terms,
        "test",
        progress);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(seeds.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String article(String topic) {
    return "On "
        + topic
        + "\n\nThe "
        + topic
        + " keeps its own ledger of small events, written in plain words. Every season the "
        + topic
        + " changes a little, and the ledger says how.\n";
  }

  @Test
  void should_report_the_file_in_one_line_when_memory_runs_out_and_keep_nothing_of_it()
      throws IOException {
    String text = article("rivers") + "\n\n" + article("harbours");
    write("long.txt", text);
    IndexProgress exhausted =
        new IndexProgress() {
          @Override
          public void sentences(int count) {
            throw new OutOfMemoryError("Java heap space");
          }
        };

    assertThatThrownBy(() -> build(seeds, cache, exhausted))
        .isInstanceOfSatisfying(
            IndexMemoryExhausted.class,
            e -> {
              assertThat(e.file()).isEqualTo("long.txt");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "out of memory while indexing long.txt (" + text.length() + " characters)")
                  .doesNotContain("\n");
            });
    // The first batch's token vectors were already on disk when the heap "ran out": no file of
    // the entry, finished or not, is left to be read.
    try (Stream<Path> left = Files.walk(cache)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }

    Recorder again = new Recorder();
    EssayIndex index = build(seeds, cache, again);
    assertThat(again.parsed).containsExactly("long.txt");
    assertThat(index.passages()).isNotEmpty();
  }

  @Test
  void should_keep_one_vector_per_content_token_of_each_sentence() {
    EssayIndex index = build(Path.of("seeds"), cache, IndexProgress.NONE);

    int n = index.passages().size();
    assertThat(index.firstToken()).hasSize(n + 1).isSorted();
    assertThat(index.firstToken()[n]).isEqualTo(index.tokenVectors().rows()).isPositive();
    // "Indeed, the prospects for the bilateral relationship appear gloomy.": 6 content words in 7
    // tokens ("gloom" "##y"); "the", "for", the comma and the full stop are left out.
    Passage gloomy =
        index.passages().stream()
            .filter(p -> p.text().startsWith("Indeed, the prospects"))
            .findFirst()
            .orElseThrow();
    assertThat(index.firstToken()[gloomy.id() + 1] - index.firstToken()[gloomy.id()]).isEqualTo(7);
    assertThat(index.sentenceVectors().rows()).isEqualTo(n);
    assertThat(index.contextVectors().rows()).isEqualTo(n);
  }

  @Test
  void should_give_each_sentence_the_vector_it_gets_when_embedded_alone() {
    EssayIndex index = build(Path.of("seeds"), cache, IndexProgress.NONE);

    Passage first = index.passages().get(3);
    float[] alone = tokens.pooledBatch(List.of(first.text()))[0];
    double cosine = 0;
    for (int d = 0; d < alone.length; d++) {
      cosine += alone[d] * index.sentenceVectors().row(first.id())[d];
    }
    assertThat(cosine).isGreaterThan(0.999);
  }

  @Test
  void should_read_an_unchanged_folder_from_disk_without_parsing_or_embedding() throws IOException {
    write("a.txt", article("harbour"));
    write("b.txt", article("orchard"));
    EssayIndex first = build(seeds, cache, IndexProgress.NONE);

    Recorder second = new Recorder();
    EssayIndex again = build(seeds, cache, second);

    assertThat(second.parsed).isEmpty();
    assertThat(second.sentences).isZero();
    assertThat(again.files()).noneMatch(EssayIndex.FilePart::built);
    assertThat(again.passages()).isEqualTo(first.passages());
    assertThat(again.library()).isEqualTo(first.library());
    assertThat(rows(again.sentenceVectors())).isDeepEqualTo(rows(first.sentenceVectors()));
    assertThat(again.tokenVectors().row(5)).containsExactly(first.tokenVectors().row(5));
    assertThat(warnings).isEmpty();
  }

  @Test
  void should_index_again_only_the_file_that_changed() throws IOException {
    write("a.txt", article("harbour"));
    write("b.txt", article("orchard"));
    write("c.txt", article("lantern"));
    build(seeds, cache, IndexProgress.NONE);
    write("b.txt", article("meadow"));

    Recorder progress = new Recorder();
    EssayIndex index = build(seeds, cache, progress);

    assertThat(progress.parsed).containsExactly("b.txt");
    assertThat(index.files())
        .extracting(EssayIndex.FilePart::documentId, EssayIndex.FilePart::built)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a.txt", false),
            org.assertj.core.groups.Tuple.tuple("b.txt", true),
            org.assertj.core.groups.Tuple.tuple("c.txt", false));
    assertThat(index.passages()).anyMatch(p -> p.text().contains("meadow"));
    assertThat(index.passages()).noneMatch(p -> p.text().contains("orchard"));
  }

  @Test
  void should_drop_a_removed_file_from_the_index() throws IOException {
    write("a.txt", article("harbour"));
    write("b.txt", article("orchard"));
    build(seeds, cache, IndexProgress.NONE);
    Files.delete(seeds.resolve("b.txt"));

    EssayIndex index = build(seeds, cache, IndexProgress.NONE);

    assertThat(index.library().documents()).extracting(d -> d.id()).containsExactly("a.txt");
    assertThat(index.passages()).allMatch(p -> p.documentId().equals("a.txt"));
    assertThat(index.words()).doesNotContain("orchard");
  }

  @Test
  void should_rebuild_a_corrupt_entry_with_a_one_line_notice() throws IOException {
    write("a.txt", article("harbour"));
    write("b.txt", article("orchard"));
    EssayIndex first = build(seeds, cache, IndexProgress.NONE);
    Path vectors;
    try (Stream<Path> files = Files.list(cache.resolve("files"))) {
      vectors =
          files
              .filter(f -> f.toString().endsWith(".vec"))
              .filter(f -> f.getFileName().toString().startsWith(first.files().get(1).key()))
              .findFirst()
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(vectors);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(vectors, bytes);

    Recorder progress = new Recorder();
    EssayIndex index = build(seeds, cache, progress);

    assertThat(progress.parsed).containsExactly("b.txt");
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w).contains("b.txt", "checksum mismatch", "indexing that file again");
              assertThat(w).doesNotContain("\n");
            });
    assertThat(rows(index.sentenceVectors())).isDeepEqualTo(rows(first.sentenceVectors()));
    assertThat(build(seeds, cache, IndexProgress.NONE).files())
        .noneMatch(EssayIndex.FilePart::built);
  }

  @Test
  void should_build_again_without_a_notice_an_entry_whose_writing_was_cut_short()
      throws IOException {
    // given: an entry as a run killed between its two renames leaves it, the vectors file in
    // place and the document not yet
    write("a.txt", article("harbour"));
    EssayIndex first = build(seeds, cache, IndexProgress.NONE);
    Files.delete(cache.resolve("files").resolve(first.files().get(0).key() + ".json"));

    // when
    Recorder progress = new Recorder();
    EssayIndex index = build(seeds, cache, progress);

    // then
    assertThat(progress.parsed).containsExactly("a.txt");
    assertThat(warnings).isEmpty();
    assertThat(rows(index.sentenceVectors())).isDeepEqualTo(rows(first.sentenceVectors()));
    assertThat(index.tokenVectors().rows()).isEqualTo(first.tokenVectors().rows());
    for (int row = 0; row < index.tokenVectors().rows(); row++) {
      assertThat(index.tokenVectors().row(row)).isEqualTo(first.tokenVectors().row(row));
    }
  }

  private static float[][] rows(VectorRows vectors) {
    float[][] out = new float[vectors.rows()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = vectors.row(r);
    }
    return out;
  }
}
