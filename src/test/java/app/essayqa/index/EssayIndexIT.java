package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.ingest.Library;
import app.essayqa.ingest.SeedLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EssayIndexIT {
  private static final Path CACHE = Path.of("target/test-cache");
  private static Embedder embedder;
  private static TokenEncoder tokens;
  private static TermAnalyzer analyzer;
  private static Library library;

  @BeforeAll
  static void load() {
    embedder = new Embedder(EmbeddingModels.allMiniLm(CACHE));
    tokens = EmbeddingModels.allMiniLmTokens(CACHE);
    analyzer = new TermAnalyzer(java.util.List.of());
    library = new SeedLoader().load(Path.of("seeds"));
  }

  @AfterAll
  static void close() {
    tokens.close();
    analyzer.close();
  }

  private static EssayIndex build(Path cacheDir, long tokenBudget) {
    return EssayIndex.build(
        library, 1, embedder, tokens, new VectorCache(cacheDir), analyzer::terms, tokenBudget);
  }

  @Test
  void should_keep_one_vector_per_content_token_of_each_sentence() {
    EssayIndex index = build(CACHE.resolve("index"), Long.MAX_VALUE);

    int n = index.passages().size();
    assertThat(index.firstToken()).hasSize(n + 1).isSorted();
    assertThat(index.firstToken()[n]).isEqualTo(index.tokenVectors().length).isPositive();
    // "Indeed, the prospects for the bilateral relationship appear gloomy.": 6 content words in 7
    // tokens ("gloom" "##y"); "the", "for", the comma and the full stop are left out.
    Passage gloomy =
        index.passages().stream()
            .filter(p -> p.text().startsWith("Indeed, the prospects"))
            .findFirst()
            .orElseThrow();
    assertThat(index.firstToken()[gloomy.id() + 1] - index.firstToken()[gloomy.id()]).isEqualTo(7);
  }

  @Test
  void should_leave_out_token_vectors_that_would_not_fit_the_heap_budget(@TempDir Path cacheDir) {
    EssayIndex index = build(cacheDir, 1024);

    assertThat(index.tokenVectors()).isEmpty();
    assertThat(index.firstToken()).containsOnly(0);
    assertThat(index.sentenceVectors().length).isEqualTo(index.passages().size());
  }
}
