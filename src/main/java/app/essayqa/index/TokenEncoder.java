package app.essayqa.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MiniLM's vector for every token of a text, in context, as the model computes them before
 * LangChain4j averages them into one vector per text (its API offers only the average). Late
 * interaction ranks by these: each question token finds its best match among a sentence's tokens
 * (ColBERT's MaxSim, Khattab and Zaharia 2020), so a question is matched word by word in context
 * and a long sentence is not averaged away. Thread-safe: ONNX Runtime sessions and the tokenizer
 * may be used from several threads.
 */
public final class TokenEncoder implements AutoCloseable {
  /** MiniLM's position limit; longer texts are cut (and get no {@link Tokens#pooled} vector). */
  static final int MAX_TOKENS = 512;

  /**
   * The tokens of a text, special tokens left out.
   *
   * @param words for each token, the whole word of the text it is part of
   * @param vectors for each token, its unit-length vector; empty when only tokenized
   * @param pooled the unit-length mean of all token vectors, special tokens included: the text's
   *     sentence vector exactly as LangChain4j's MEAN pooling computes it; absent when the text was
   *     cut at {@link #MAX_TOKENS} (LangChain4j averages such a text over several windows) or only
   *     tokenized
   */
  public record Tokens(List<String> words, float[][] vectors, Optional<float[]> pooled) {
    public Tokens {
      words = List.copyOf(words);
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  private TokenEncoder(
      OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /** Runs the model on {@code session}, tokenizing with the tokenizer file. */
  static TokenEncoder open(OrtSession session, Path tokenizerFile) throws IOException {
    HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(tokenizerFile)
            .optMaxLength(MAX_TOKENS)
            .optTruncation(true)
            .optPadding(false)
            .build();
    return new TokenEncoder(OrtEnvironment.getEnvironment(), session, tokenizer);
  }

  /** The tokens of {@code text} and their words, without running the model. */
  public Tokens tokenize(String text) {
    return new Tokens(words(text, tokenizer.encode(text)), new float[0][], Optional.empty());
  }

  /** The tokens of {@code text} with their vectors. */
  public Tokens encode(String text) {
    Encoding encoding = tokenizer.encode(text);
    long[] ids = encoding.getIds();
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, new long[][] {ids});
        OnnxTensor mask =
            OnnxTensor.createTensor(environment, new long[][] {encoding.getAttentionMask()});
        OnnxTensor types =
            OnnxTensor.createTensor(environment, new long[][] {encoding.getTypeIds()});
        OrtSession.Result result =
            session.run(
                Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
      float[][] all = ((float[][][]) result.get(0).getValue())[0];
      long[] special = encoding.getSpecialTokenMask();
      List<float[]> vectors = new ArrayList<>();
      float[] sum = new float[all.length == 0 ? 0 : all[0].length];
      for (int i = 0; i < all.length; i++) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += all[i][d];
        }
        if (special[i] == 0) {
          vectors.add(Embedder.unit(all[i]));
        }
      }
      Optional<float[]> pooled =
          encoding.exceedMaxLength() || all.length == 0
              ? Optional.empty()
              : Optional.of(Embedder.unit(sum));
      return new Tokens(words(text, encoding), vectors.toArray(new float[0][]), pooled);
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM failed on a text: " + e.getMessage(), e);
    }
  }

  /**
   * The sentence vectors of several short texts (words, phrases) from one run of the model, padded
   * to the longest: one run costs far less than one per text. Padding is masked out of attention
   * and of the mean, so each vector equals the text's own {@link Tokens#pooled}.
   */
  public float[][] pooledBatch(List<String> texts) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int length = 0;
    for (Encoding e : encodings) {
      length = Math.max(length, e.getIds().length);
    }
    long[][] ids = new long[texts.size()][length];
    long[][] mask = new long[texts.size()][length];
    long[][] types = new long[texts.size()][length];
    for (int i = 0; i < encodings.length; i++) {
      long[] own = encodings[i].getIds();
      System.arraycopy(own, 0, ids[i], 0, own.length);
      System.arraycopy(encodings[i].getAttentionMask(), 0, mask[i], 0, own.length);
      System.arraycopy(encodings[i].getTypeIds(), 0, types[i], 0, own.length);
    }
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, ids);
        OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
        OnnxTensor typeIds = OnnxTensor.createTensor(environment, types);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids",
                    inputIds,
                    "attention_mask",
                    attention,
                    "token_type_ids",
                    typeIds))) {
      float[][][] all = (float[][][]) result.get(0).getValue();
      float[][] pooled = new float[texts.size()][];
      for (int i = 0; i < all.length; i++) {
        float[] sum = new float[all[i][0].length];
        for (int t = 0; t < length; t++) {
          if (mask[i][t] != 0) {
            for (int d = 0; d < sum.length; d++) {
              sum[d] += all[i][t][d];
            }
          }
        }
        pooled[i] = Embedder.unit(sum);
      }
      return pooled;
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM failed on a batch of texts: " + e.getMessage(), e);
    }
  }

  /** For each non-special token, the whitespace- and punctuation-bounded word around it. */
  private static List<String> words(String text, Encoding encoding) {
    long[] special = encoding.getSpecialTokenMask();
    long[] wordIds = encoding.getWordIds();
    CharSpan[] spans = encoding.getCharTokenSpans();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < special.length; i++) {
      if (special[i] != 0) {
        continue;
      }
      int start = spans[i] == null ? 0 : spans[i].getStart();
      int end = spans[i] == null ? 0 : spans[i].getEnd();
      // Widen to every token of the same word: "oblig" + "##ed" is the word "obliged".
      for (int j = i - 1;
          j >= 0 && special[j] == 0 && wordIds[j] == wordIds[i] && spans[j] != null;
          j--) {
        start = Math.min(start, spans[j].getStart());
      }
      for (int j = i + 1;
          j < special.length && special[j] == 0 && wordIds[j] == wordIds[i] && spans[j] != null;
          j++) {
        end = Math.max(end, spans[j].getEnd());
      }
      words.add(start < end && end <= text.length() ? text.substring(start, end) : "");
    }
    return words;
  }

  /** Frees the tokenizer; the session belongs to {@link EmbeddingModels} and lives on. */
  @Override
  public void close() {
    tokenizer.close();
  }
}
