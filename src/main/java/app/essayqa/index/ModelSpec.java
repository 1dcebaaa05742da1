package app.essayqa.index;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One embedding model the program can run (config key {@code embedding.model}): where its files are
 * on the classpath, how a text's vector is pooled from its token states, what a question is
 * prefixed with, its position window, and the similarity floors calibrated for it. Cosines are not
 * comparable across models (bge-small puts unrelated sentences near 0.5, MiniLM near 0.1), so each
 * model carries its own floors; a floor set in the configuration to anything but its default (the
 * MiniLM value) wins over the model's.
 *
 * @param id the value of {@code embedding.model}; also part of every index cache key, so switching
 *     models never reuses the other model's vectors
 * @param modelResource the ONNX file, shipped by a LangChain4j embeddings jar
 * @param tokenizerResource the Hugging Face tokenizer file beside it
 * @param pooling how a text's vector is made from its token states
 * @param queryPrefix put before a question (not before passages) when its vector is computed, as
 *     the model was trained for asymmetric search; empty for none
 * @param maxTokens the model's position limit; longer texts are cut
 * @param dimensions the length of its vectors
 * @param floors its calibrated similarity floors
 */
public record ModelSpec(
    String id,
    String modelResource,
    String tokenizerResource,
    Pooling pooling,
    String queryPrefix,
    int maxTokens,
    int dimensions,
    Floors floors) {

  /** How a text's vector is made from its token states. */
  public enum Pooling {
    /** The mean of all token states, special tokens included (sentence-transformers' MEAN). */
    MEAN,
    /** The state of the first token, [CLS] (BGE's pooling). */
    CLS
  }

  /**
   * The similarity floors of one model, the defaults of the {@code abstention.*-similarity} and
   * {@code retrieval.expansion-similarity} keys when these are not set.
   *
   * @param minSimilarity below this best cosine nothing is near the question
   * @param weakSimilarity below this, a passage must hold the question's words
   * @param confidentSimilarity from this, a passage needs none of the question's words
   * @param expansionSimilarity least cosine between two words for one to be the other's synonym
   */
  public record Floors(
      double minSimilarity,
      double weakSimilarity,
      double confidentSimilarity,
      double expansionSimilarity) {}

  /** all-MiniLM-L6-v2 (sentence-transformers), the default; floors from the tuning suite. */
  public static final ModelSpec ALL_MINILM_L6_V2 =
      new ModelSpec(
          "all-minilm-l6-v2",
          "all-minilm-l6-v2.onnx",
          "all-minilm-l6-v2-tokenizer.json",
          Pooling.MEAN,
          "",
          512,
          384,
          new Floors(0.12, 0.2, 0.55, 0.6));

  /**
   * BAAI bge-small-en-v1.5, int8-quantised (LangChain4j's jar); floors from the tuning suite
   * (README "Embedding models"). BGE recommends its instruction before short queries searched
   * against passages.
   */
  public static final ModelSpec BGE_SMALL_EN_V15_Q =
      new ModelSpec(
          "bge-small-en-v1.5-q",
          "bge-small-en-v1.5-q.onnx",
          "bge-small-en-v1.5-q-tokenizer.json",
          Pooling.CLS,
          "Represent this sentence for searching relevant passages: ",
          512,
          384,
          new Floors(0.51, 0.55, 0.8, 0.6));

  /** Every model, the default first. */
  public static final List<ModelSpec> ALL = List.of(ALL_MINILM_L6_V2, BGE_SMALL_EN_V15_Q);

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modelResource, "modelResource");
    Objects.requireNonNull(tokenizerResource, "tokenizerResource");
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(queryPrefix, "queryPrefix");
    Objects.requireNonNull(floors, "floors");
    if (maxTokens < 2 || dimensions < 1) {
      throw new IllegalArgumentException(
          "bad model window or size: maxTokens=" + maxTokens + ", dimensions=" + dimensions);
    }
  }

  /** The model named {@code id} (as in {@code embedding.model}). */
  public static ModelSpec of(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(m -> m.id().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown embedding model '"
                        + id
                        + "' (expected one of "
                        + String.join(", ", ALL.stream().map(ModelSpec::id).toList())
                        + ")"));
  }

  /** The ids of every model, the values {@code embedding.model} accepts. */
  public static List<String> ids() {
    return ALL.stream().map(ModelSpec::id).toList();
  }
}
