package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bge-small-en-v1.5-q through our token runs agrees with LangChain4j's CLS pooling. */
class BgeTokenEncoderIT {
  private static final Path CACHE = Path.of("target/test-cache");
  private static final ModelSpec BGE = ModelSpec.BGE_SMALL_EN_V15_Q;
  private static EmbeddingModel sentences;
  private static TokenEncoder tokens;

  @BeforeAll
  static void load() {
    sentences = EmbeddingModels.sentences(BGE, CACHE);
    tokens = EmbeddingModels.tokens(BGE, CACHE);
  }

  @AfterAll
  static void close() {
    tokens.close();
  }

  @Test
  void should_pool_a_text_and_a_batch_to_the_vectors_langchain4j_gives() {
    List<String> texts =
        List.of("Which organisation paid for the research project?", "Beijing", "a", "한국");

    float[][] batch = tokens.pooledBatch(texts);
    float[][] runs = new float[texts.size()][];
    tokens.runEach(texts, (i, run) -> runs[i] = run.pooled(), n -> {});

    for (int i = 0; i < texts.size(); i++) {
      float[] theirs =
          Embedder.unit(sentences.embed(TextSegment.from(texts.get(i))).content().vector());
      assertThat(cosine(tokens.encode(texts.get(i)).pooled().orElseThrow(), theirs))
          .as(texts.get(i))
          .isGreaterThan(0.9999);
      // The int8 model quantises its activations per run, so a padded batch's scales differ a
      // little from a lone text's (0.986 to 0.997 measured): close, not bit-equal as with MiniLM.
      assertThat(cosine(batch[i], theirs)).as(texts.get(i)).isGreaterThan(0.98);
      assertThat(cosine(runs[i], theirs)).as(texts.get(i)).isGreaterThan(0.98);
    }
  }

  @Test
  void should_rank_the_answering_sentence_above_an_unrelated_one_for_a_prefixed_question() {
    float[] question =
        tokens.encode(BGE.queryPrefix() + "When did the project start?").pooled().orElseThrow();
    float[] answer =
        tokens
            .encode("The project commenced with a workshop in December 2019.")
            .pooled()
            .orElseThrow();
    float[] unrelated =
        tokens
            .encode("Bananas are rich in potassium and grow in the tropics.")
            .pooled()
            .orElseThrow();

    assertThat(cosine(question, answer)).isGreaterThan(cosine(question, unrelated));
  }

  private static double cosine(float[] a, float[] b) {
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
