package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenEncoderIT {
  private static final Path CACHE = Path.of("target/test-cache");
  private static EmbeddingModel sentences;
  private static TokenEncoder tokens;

  @BeforeAll
  static void load() {
    sentences = EmbeddingModels.allMiniLm(CACHE);
    tokens = EmbeddingModels.allMiniLmTokens(CACHE);
  }

  @AfterAll
  static void close() {
    tokens.close();
  }

  @Test
  void should_pool_to_the_same_vector_as_langchain4j() {
    for (String text :
        List.of(
            "Which organisation paid for the research project?",
            "Dr Brendan Howe’s characterization aptly summarized the condition: “Japan escapes from history”.",
            "한국과 일본의 관계는?")) {
      float[] ours = tokens.encode(text).pooled().orElseThrow();
      float[] theirs = Embedder.unit(sentences.embed(TextSegment.from(text)).content().vector());

      assertThat(DenseDot.cosine(ours, theirs)).as(text).isGreaterThan(0.99999);
    }
  }

  @Test
  void should_pool_a_padded_batch_to_the_same_vectors_as_langchain4j_one_by_one() {
    List<String> words = List.of("Beijing", "semiconductor", "a", "non-traditional security", "한국");

    float[][] batch = tokens.pooledBatch(words);

    assertThat(batch.length).isEqualTo(words.size());
    for (int i = 0; i < words.size(); i++) {
      float[] theirs =
          Embedder.unit(sentences.embed(TextSegment.from(words.get(i))).content().vector());
      assertThat(DenseDot.cosine(batch[i], theirs)).as(words.get(i)).isGreaterThan(0.99999);
    }
    assertThat(tokens.pooledBatch(List.of()).length).isZero();
  }

  @Test
  void should_name_the_whole_word_of_every_token() {
    TokenEncoder.Tokens encoded = tokens.encode("Scholars felt obliged, unsurprisingly.");

    assertThat(encoded.words())
        .hasSize(encoded.vectors().length)
        .contains("Scholars", "obliged", ",", "unsurprisingly");
    assertThat(encoded.words())
        .containsExactlyElementsOf(
            tokens.tokenize("Scholars felt obliged, unsurprisingly.").words());
    assertThat(List.of(encoded.vectors()))
        .allSatisfy(
            v ->
                assertThat(DenseDot.cosine(v, v))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4)));
  }

  @Test
  void should_cut_a_text_beyond_the_model_limit_and_give_no_pooled_vector_for_it() {
    String longText = "word ".repeat(600);

    TokenEncoder.Tokens encoded = tokens.encode(longText);

    assertThat(encoded.vectors().length).isEqualTo(TokenEncoder.MAX_TOKENS - 2);
    assertThat(encoded.pooled()).isEmpty();
  }

  /** Cosine of two vectors, for the assertions. */
  private static final class DenseDot {
    static double cosine(float[] a, float[] b) {
      double dot = 0;
      double na = 0;
      double nb = 0;
      for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
      }
      return dot / Math.sqrt(na * nb);
    }
  }
}
