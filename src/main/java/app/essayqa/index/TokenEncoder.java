package app.essayqa.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

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
    try {
      Run run = runBatch(List.of(encoding), List.of(text), encoding.getIds().length).get(0);
      List<float[]> vectors = new ArrayList<>();
      for (int t = 0; t < run.rows(); t++) {
        if (run.special()[t] == 0) {
          vectors.add(Embedder.unit(run.state(t)));
        }
      }
      Optional<float[]> pooled =
          encoding.exceedMaxLength() || run.rows() == 0
              ? Optional.empty()
              : Optional.of(run.pooled());
      return new Tokens(run.words(), vectors.toArray(new float[0][]), pooled);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a text: " + e.getMessage(), e);
    }
  }

  /**
   * The sentence vectors of several short texts (words, phrases), from padded model runs of texts
   * of similar length: one run costs far less than one per text. Padding is masked out of attention
   * and of the mean, so each vector equals the text's own {@link Tokens#pooled}.
   */
  public float[][] pooledBatch(List<String> texts) {
    float[][] pooled = new float[texts.size()][];
    runEach(texts, (index, run) -> pooled[index] = run.pooled(), n -> {});
    return pooled;
  }

  /**
   * One model run's output for a text: the raw (not normalised) state of every token, special
   * tokens included, with each token's character span in the text; the sentence vector, the token
   * vectors and the clause vectors are all computed from it. The states are a view of the batch's
   * output buffer (no copy per text): a run is meant to be reduced to the vectors wanted while it
   * is handed over, not kept.
   *
   * @param states {@code rows * dim} floats, token by token
   * @param special 1 for [CLS] and [SEP]
   * @param starts each token's first character in the text (0 for special tokens)
   * @param ends the character after each token (0 for special tokens)
   * @param words for each non-special token, its whole word (see {@link Tokens#words})
   * @param cut whether the text was cut at the model's window
   * @param pooling the model's pooling, for {@link #pooled}
   */
  public record Run(
      FloatBuffer states,
      int dim,
      long[] special,
      int[] starts,
      int[] ends,
      List<String> words,
      boolean cut,
      ModelSpec.Pooling pooling) {
    public Run {
      words = List.copyOf(words);
      if (states.remaining() != special.length * dim) {
        throw new IllegalArgumentException(
            "states hold " + states.remaining() + " floats, not " + special.length + " x " + dim);
      }
    }

    /** The number of tokens, special tokens included. */
    public int rows() {
      return special.length;
    }

    /** A copy of token {@code t}'s state. */
    public float[] state(int t) {
      float[] out = new float[dim];
      states.get(t * dim, out);
      return out;
    }

    /**
     * The text's unit-length vector as LangChain4j pools it: the mean of the states of all tokens
     * (MEAN), or the state of [CLS] (CLS).
     */
    public float[] pooled() {
      return pooling == ModelSpec.Pooling.CLS && rows() > 0
          ? Embedder.unit(state(0))
          : Embedder.unit(sum(true));
    }

    /** The sum of the states of all tokens, special tokens only if {@code withSpecial}. */
    public float[] sum(boolean withSpecial) {
      float[] sum = new float[dim];
      for (int i = 0; i < special.length; i++) {
        if (withSpecial || special[i] == 0) {
          int base = i * dim;
          for (int d = 0; d < dim; d++) {
            sum[d] += states.get(base + d);
          }
        }
      }
      return sum;
    }

    /** The sum of the states of [CLS] and [SEP]. */
    public float[] specials() {
      float[] sum = new float[dim];
      for (int i = 0; i < special.length; i++) {
        if (special[i] != 0) {
          int base = i * dim;
          for (int d = 0; d < dim; d++) {
            sum[d] += states.get(base + d);
          }
        }
      }
      return sum;
    }
  }

  /** Receives each text's run, with the text's position in the list given to {@link #runEach}. */
  @FunctionalInterface
  public interface RunSink {
    void accept(int index, Run run);
  }

  /**
   * Runs the model once over each text and hands each run to {@code sink} as its batch completes
   * (not in the order of {@code texts}). Texts are sorted by length and batched by a token budget:
   * a batch's padded rows times its length stay under {@link #TOKEN_BUDGET}, and its attention
   * under {@link #MAX_BATCH_SQUARES}, so the memory of a run does not grow with the length or the
   * number of texts. Padding is masked out of attention, so each text's states are its own. Only
   * the token counts are kept between batches: each batch is tokenized again when it runs, which
   * costs far less than the model and keeps no encoding of the whole list.
   */
  public void runEach(List<String> texts, RunSink sink, IntConsumer textsDone) {
    int[] lengths = new int[texts.size()];
    for (int from = 0; from < texts.size(); from += 256) {
      List<String> slice = texts.subList(from, Math.min(texts.size(), from + 256));
      Encoding[] batch = tokenizer.batchEncode(slice);
      for (int k = 0; k < batch.length; k++) {
        lengths[from + k] = batch[k].getIds().length;
      }
    }
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
    for (int from = 0, to; from < order.length; from = to) {
      to = from + 1;
      while (to < order.length && fits(to - from + 1, lengths[order[to]])) {
        to++;
      }
      List<String> batchTexts = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batchTexts.add(texts.get(order[k]));
      }
      Encoding[] encodings = tokenizer.batchEncode(batchTexts);
      int length = 0;
      for (Encoding e : encodings) {
        length = Math.max(length, e.getIds().length);
      }
      try {
        List<Run> runs = runBatch(Arrays.asList(encodings), batchTexts, length);
        for (int k = 0; k < runs.size(); k++) {
          sink.accept(order[from + k], runs.get(k));
        }
      } catch (OrtException ex) {
        throw new IllegalStateException(
            "the embedding model failed on a batch of texts: " + ex.getMessage(), ex);
      }
      textsDone.accept(to - from);
    }
  }

  /** Whether {@code rows} texts padded to {@code length} tokens make one batch. */
  static boolean fits(int rows, int length) {
    return (long) rows * length <= TOKEN_BUDGET
        && (long) rows * length * length <= MAX_BATCH_SQUARES;
  }

  /**
   * One model run over {@code batch}, each encoding padded to {@code length}; padding is masked out
   * of attention, so each text's states are its own. Each run is a view of the output's flat buffer
   * holding that text's own rows ({@code getValue()} would build a Java array of arrays for every
   * padded row).
   */
  private List<Run> runBatch(List<Encoding> batch, List<String> texts, int length)
      throws OrtException {
    int n = batch.size();
    LongBuffer ids = LongBuffer.allocate(n * length);
    LongBuffer mask = LongBuffer.allocate(n * length);
    LongBuffer types = LongBuffer.allocate(n * length);
    for (int k = 0; k < n; k++) {
      Encoding e = batch.get(k);
      ids.put(k * length, e.getIds());
      mask.put(k * length, e.getAttentionMask());
      types.put(k * length, e.getTypeIds());
    }
    long[] shape = {n, length};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, ids, shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, mask, shape);
        OnnxTensor typeIds = OnnxTensor.createTensor(environment, types, shape);
        OrtSession.Result result = session.run(inputs(inputIds, attention, typeIds))) {
      OnnxTensor states = (OnnxTensor) result.get(0);
      FloatBuffer flat = states.getFloatBuffer();
      int dim = (int) states.getInfo().getShape()[2];
      List<Run> runs = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        Encoding e = batch.get(k);
        int own = e.getIds().length;
        CharSpan[] spans = e.getCharTokenSpans();
        int[] starts = new int[own];
        int[] ends = new int[own];
        for (int t = 0; t < own; t++) {
          starts[t] = spans[t] == null ? 0 : spans[t].getStart();
          ends[t] = spans[t] == null ? 0 : spans[t].getEnd();
        }
        runs.add(
            new Run(
                flat.slice(k * length * dim, own * dim),
                dim,
                e.getSpecialTokenMask(),
                starts,
                ends,
                words(texts.get(k), e),
                e.exceedMaxLength(),
                spec.pooling()));
      }
      return runs;
    }
  }

  private Map<String, OnnxTensor> inputs(OnnxTensor ids, OnnxTensor mask, OnnxTensor types) {
    return typeIds
        ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
        : Map.of("input_ids", ids, "attention_mask", mask);
  }

  /**
   * Padded tokens per model run: the output alone is this times 384 floats (3 MB), and the layers'
   * intermediate states a few times that, however long or many the texts.
   */
  static final int TOKEN_BUDGET = 2048;

  /** At most 8 texts of 128 tokens or 1 of 362 per batch: about 12 MB of attention per layer. */
  static final long MAX_BATCH_SQUARES = 8L * 128 * 128;

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
