package app.essayqa.index;

import app.essayqa.ingest.Library;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded essays: each passage's sentence and context vectors, the vectors of its clauses (see
 * {@link ClauseSplitter}), the vectors of its content tokens (see {@link TokenEncoder}), and the
 * essays' distinct words with their vectors (for near-synonym expansion). Vectors come from the
 * cache when the texts and the model are unchanged, and are embedded and cached otherwise.
 *
 * @param clauseVectors the clause views of all passages, passage by passage
 * @param firstClause passage {@code i}'s clauses are rows {@code firstClause[i]} up to {@code
 *     firstClause[i + 1]} of {@code clauseVectors} (one more entry than passages)
 * @param tokenVectors the content tokens of all passages (stop words and punctuation left out),
 *     passage by passage, indexed by {@code firstToken} as clauses are by {@code firstClause}
 * @param wordStems each word's analysed term, aligned with {@code words}
 */
public record EssayIndex(
    List<Passage> passages,
    float[][] sentenceVectors,
    float[][] contextVectors,
    float[][] clauseVectors,
    int[] firstClause,
    float[][] tokenVectors,
    int[] firstToken,
    List<String> words,
    List<String> wordStems,
    float[][] wordVectors) {
  private static final Logger LOG = LoggerFactory.getLogger(EssayIndex.class);

  public EssayIndex {
    passages = List.copyOf(passages);
    words = List.copyOf(words);
    wordStems = List.copyOf(wordStems);
  }

  /** Bytes one token vector takes on the heap: 384 floats and the array's header. */
  static final long TOKEN_VECTOR_BYTES = 384L * Float.BYTES + 16;

  /**
   * @param analyse the document analysis, to find each word's term; words that analyse to no term
   *     (stop words) or to several are left out
   * @param tokenBudgetBytes the most heap the token vectors may take; when the seeds need more,
   *     there are none (and no late interaction), with a warning, rather than an out-of-memory end
   */
  public static EssayIndex build(
      Library library,
      int contextSentences,
      Embedder embedder,
      TokenEncoder tokenEncoder,
      VectorCache cache,
      Function<String, List<String>> analyse,
      long tokenBudgetBytes) {
    List<Passage> passages = new PassageSplitter(contextSentences).split(library);
    List<String> texts = new ArrayList<>();
    passages.forEach(p -> texts.add(p.text()));
    passages.forEach(p -> texts.add(p.context()));
    float[][] all = cached(cache, "passages", texts, () -> embedder.embed(texts));
    int n = passages.size();
    float[][] sentences = java.util.Arrays.copyOfRange(all, 0, n);
    float[][] contexts = java.util.Arrays.copyOfRange(all, n, 2 * n);

    List<String> clauses = new ArrayList<>();
    int[] firstClause = new int[n + 1];
    for (Passage p : passages) {
      firstClause[p.id()] = clauses.size();
      clauses.addAll(ClauseSplitter.views(p.text()));
    }
    firstClause[n] = clauses.size();
    float[][] clauseVectors = cached(cache, "clauses", clauses, () -> embedder.embed(clauses));

    // Only content tokens: a question's words never need to meet "the" or a comma, and the scan
    // over tokens is the costliest step of a query. Tokenizing is cheap and tells which tokens
    // those are, and so how many rows the cached vectors must have.
    int[] firstToken = new int[n + 1];
    List<boolean[]> content = new ArrayList<>();
    List<String> keyTexts = new ArrayList<>();
    for (Passage p : passages) {
      List<String> tokenWords = tokenEncoder.tokenize(p.text()).words();
      boolean[] keep = new boolean[tokenWords.size()];
      int kept = 0;
      for (int i = 0; i < keep.length; i++) {
        keep[i] = !analyse.apply(tokenWords.get(i)).isEmpty();
        kept += keep[i] ? 1 : 0;
      }
      content.add(keep);
      firstToken[p.id() + 1] = firstToken[p.id()] + kept;
      keyTexts.add(p.text() + '\u0001' + java.util.Arrays.toString(keep));
    }
    float[][] tokenVectors;
    long needed = firstToken[n] * TOKEN_VECTOR_BYTES;
    if (needed > tokenBudgetBytes) {
      LOG.warn(
          "token-by-token ranking is off: the seeds' {} content tokens would take {} MB of heap, more"
              + " than the {} MB allowed for them (give Java more heap, e.g. ESSAYQA_JAVA_OPTS=-Xmx1g)",
          firstToken[n],
          needed >> 20,
          tokenBudgetBytes >> 20);
      tokenVectors = new float[0][];
      java.util.Arrays.fill(firstToken, 0);
    } else {
      tokenVectors =
          cached(
              cache,
              "tokens",
              keyTexts,
              firstToken[n],
              () -> contentTokens(passages, content, tokenEncoder));
    }

    Set<String> seen = new LinkedHashSet<>();
    List<String> words = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    for (Passage p : passages) {
      for (String word : Words.of(p.section() + " " + p.text())) {
        List<String> terms = analyse.apply(word);
        if (terms.size() == 1 && seen.add(word)) {
          words.add(word);
          stems.add(terms.get(0));
        }
      }
    }
    float[][] wordVectors = cached(cache, "words", words, () -> embedder.embed(words));
    return new EssayIndex(
        passages,
        sentences,
        contexts,
        clauseVectors,
        firstClause,
        tokenVectors,
        firstToken,
        words,
        stems,
        wordVectors);
  }

  private static float[][] contentTokens(
      List<Passage> passages, List<boolean[]> content, TokenEncoder tokenEncoder) {
    List<float[]> vectors = new ArrayList<>();
    for (Passage p : passages) {
      float[][] all = tokenEncoder.encode(p.text()).vectors();
      boolean[] keep = content.get(p.id());
      for (int i = 0; i < all.length; i++) {
        if (keep[i]) {
          vectors.add(all[i]);
        }
      }
    }
    return vectors.toArray(new float[0][]);
  }

  private static float[][] cached(
      VectorCache cache, String kind, List<String> texts, Supplier<float[][]> embed) {
    return cached(cache, kind, texts, texts.size(), embed);
  }

  /**
   * @param keyTexts everything the vectors depend on besides the model
   * @param rows how many vectors there are
   */
  private static float[][] cached(
      VectorCache cache, String kind, List<String> keyTexts, int rows, Supplier<float[][]> embed) {
    if (rows == 0) {
      return new float[0][];
    }
    String key =
        kind
            + "-"
            + Hashes.sha256(EmbeddingModels.MODEL_ID + "\u0000" + String.join("\u0000", keyTexts))
                .substring(0, 24);
    return cache
        .read(key, rows)
        .orElseGet(
            () -> {
              long started = System.nanoTime();
              float[][] fresh = embed.get();
              LOG.debug(
                  "index: embedded {} {} in {} ms",
                  fresh.length,
                  kind,
                  (System.nanoTime() - started) / 1_000_000);
              cache.write(key, fresh);
              return fresh;
            });
  }
}
