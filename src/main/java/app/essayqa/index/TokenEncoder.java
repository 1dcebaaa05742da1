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
  private final ModelSpec spec;
  private final boolean typeIds;

  private TokenEncoder(
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      ModelSpec spec)
      throws OrtException {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.spec = spec;
    // Some exports (quantised BGE among them) take no token types: a single segment needs none.
    this.typeIds = session.getInputNames().contains("token_type_ids");
  }

  /** Runs the model of {@code spec} on {@code session}, tokenizing with the tokenizer file. */
  static TokenEncoder open(OrtSession session, Path tokenizerFile, ModelSpec spec)
      throws IOException {
    HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(tokenizerFile)
            .optMaxLength(spec.maxTokens())
            .optTruncation(true)
            .optPadding(false)
            .build();
    try {
      return new TokenEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, spec);
    } catch (OrtException e) {
      tokenizer.close();
      throw new IOException("cannot read the inputs of model " + spec.id(), e);
    }
  }

  /** The model this encoder runs. */
  public ModelSpec spec() {
    return spec;
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
        OrtSession.Result result = session.run(inputs(inputIds, mask, types))) {
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
              : Optional.of(Embedder.unit(spec.pooling() == ModelSpec.Pooling.CLS ? all[0] : sum));
      return new Tokens(words(text, encoding), vectors.toArray(new float[0][]), pooled);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a text: " + e.getMessage(), e);
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
    try {
      float[][][] all = runPadded(java.util.Arrays.asList(encodings), length);
      float[][] pooled = new float[texts.size()][];
      for (int i = 0; i < all.length; i++) {
        if (spec.pooling() == ModelSpec.Pooling.CLS) {
          pooled[i] = Embedder.unit(all[i][0]);
          continue;
        }
        float[] sum = new float[all[i][0].length];
        long[] mask = encodings[i].getAttentionMask();
        for (int t = 0; t < mask.length; t++) {
          if (mask[t] != 0) {
            for (int d = 0; d < sum.length; d++) {
              sum[d] += all[i][t][d];
            }
          }
        }
        pooled[i] = Embedder.unit(sum);
      }
      return pooled;
    } catch (OrtException e) {
      throw new IllegalStateException(
          "the embedding model failed on a batch of texts: " + e.getMessage(), e);
    }
  }

  /**
   * One model run's output for a text: the raw (not normalised) state of every token, special
   * tokens included, with each token's character span in the text; the sentence vector, the token
   * vectors and the clause vectors are all computed from it.
   *
   * @param special 1 for [CLS] and [SEP]
   * @param starts each token's first character in the text (0 for special tokens)
   * @param ends the character after each token (0 for special tokens)
   * @param words for each non-special token, its whole word (see {@link Tokens#words})
   * @param cut whether the text was cut at {@link #MAX_TOKENS}
   * @param pooling the model's pooling, for {@link #pooled}
   */
  public record Run(
      float[][] states,
      long[] special,
      int[] starts,
      int[] ends,
      List<String> words,
      boolean cut,
      ModelSpec.Pooling pooling) {
    public Run {
      words = List.copyOf(words);
    }

    /**
     * The text's unit-length vector as LangChain4j pools it: the mean of the states of all tokens
     * (MEAN), or the state of [CLS] (CLS).
     */
    public float[] pooled() {
      return pooling == ModelSpec.Pooling.CLS && states.length > 0
          ? Embedder.unit(states[0])
          : Embedder.unit(sum(0, states.length, true));
    }

    /**
     * The sum of the states of tokens {@code from} up to {@code to}, special tokens only if {@code
     * withSpecial}.
     */
    public float[] sum(int from, int to, boolean withSpecial) {
      float[] sum = new float[states.length == 0 ? 384 : states[0].length];
      for (int i = from; i < to; i++) {
        if (withSpecial || special[i] == 0) {
          for (int d = 0; d < sum.length; d++) {
            sum[d] += states[i][d];
          }
        }
      }
      return sum;
    }
  }

  /**
   * Runs the model once over each text, in padded batches of texts of similar length (padding is
   * masked out of attention, so each text's states are its own), and returns the runs in the order
   * of {@code texts}.
   */
  public List<Run> runAll(
      List<String> texts, int batchSize, java.util.function.IntConsumer textsDone) {
    Encoding[] encodings = new Encoding[texts.size()];
    for (int from = 0; from < texts.size(); from += 256) {
      List<String> slice = texts.subList(from, Math.min(texts.size(), from + 256));
      Encoding[] batch = tokenizer.batchEncode(slice);
      System.arraycopy(batch, 0, encodings, from, batch.length);
    }
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, java.util.Comparator.comparingInt(i -> encodings[i].getIds().length));
    Run[] runs = new Run[texts.size()];
    for (int from = 0, to; from < order.length; from = to) {
      // Attention holds rows x heads x length^2 floats: long texts go in smaller batches, so a
      // batch of 512-token texts does not take hundreds of megabytes of native memory.
      to = from + 1;
      while (to < order.length
          && to - from < batchSize
          && (long) (to - from + 1) * square(encodings[order[to]].getIds().length)
              <= MAX_BATCH_SQUARES) {
        to++;
      }
      int length = encodings[order[to - 1]].getIds().length;
      int n = to - from;
      List<Encoding> batch = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        batch.add(encodings[order[from + k]]);
      }
      try {
        float[][][] all = runPadded(batch, length);
        for (int k = 0; k < n; k++) {
          int index = order[from + k];
          Encoding e = encodings[index];
          int own = e.getIds().length;
          CharSpan[] spans = e.getCharTokenSpans();
          int[] starts = new int[own];
          int[] ends = new int[own];
          for (int t = 0; t < own; t++) {
            starts[t] = spans[t] == null ? 0 : spans[t].getStart();
            ends[t] = spans[t] == null ? 0 : spans[t].getEnd();
          }
          runs[index] =
              new Run(
                  java.util.Arrays.copyOf(all[k], own),
                  e.getSpecialTokenMask(),
                  starts,
                  ends,
                  words(texts.get(index), e),
                  e.exceedMaxLength(),
                  spec.pooling());
        }
      } catch (OrtException ex) {
        throw new IllegalStateException(
            "the embedding model failed on a batch of texts: " + ex.getMessage(), ex);
      }
      textsDone.accept(n);
    }
    return java.util.Arrays.asList(runs);
  }

  /**
   * One model run over {@code batch}, each encoding padded to {@code length}; padding is masked out
   * of attention, so each text's states are its own. Returns each text's own rows only, read from
   * the output's flat buffer: {@code getValue()} would build a Java array for every padded row too.
   */
  private float[][][] runPadded(List<Encoding> batch, int length) throws OrtException {
    int n = batch.size();
    long[][] ids = new long[n][length];
    long[][] mask = new long[n][length];
    long[][] types = new long[n][length];
    for (int k = 0; k < n; k++) {
      Encoding e = batch.get(k);
      int own = e.getIds().length;
      System.arraycopy(e.getIds(), 0, ids[k], 0, own);
      System.arraycopy(e.getAttentionMask(), 0, mask[k], 0, own);
      System.arraycopy(e.getTypeIds(), 0, types[k], 0, own);
    }
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, ids);
        OnnxTensor attention = OnnxTensor.createTensor(environment, mask);
        OnnxTensor typeIds = OnnxTensor.createTensor(environment, types);
        OrtSession.Result result = session.run(inputs(inputIds, attention, typeIds))) {
      OnnxTensor states = (OnnxTensor) result.get(0);
      java.nio.FloatBuffer flat = states.getFloatBuffer();
      long[] shape = states.getInfo().getShape();
      int dim = (int) shape[2];
      float[][][] own = new float[n][][];
      for (int k = 0; k < n; k++) {
        int rows = batch.get(k).getIds().length;
        own[k] = new float[rows][dim];
        for (int t = 0; t < rows; t++) {
          flat.position((k * length + t) * dim);
          flat.get(own[k][t]);
        }
      }
      return own;
    }
  }

  private Map<String, OnnxTensor> inputs(OnnxTensor ids, OnnxTensor mask, OnnxTensor types) {
    return typeIds
        ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
        : Map.of("input_ids", ids, "attention_mask", mask);
  }

  /** At most 8 texts of 128 tokens or 1 of 362 per batch: about 12 MB of attention per layer. */
  private static final long MAX_BATCH_SQUARES = 8L * 128 * 128;

  private static long square(int n) {
    return (long) n * n;
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
