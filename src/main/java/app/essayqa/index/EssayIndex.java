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
 * The embedded essays: each passage's sentence and context vectors, the vectors of its clauses
 * (see {@link ClauseSplitter}), and the essays' distinct words with their vectors (for
 * near-synonym expansion). Vectors come from the cache when the texts and
 * the model are unchanged, and are embedded and cached otherwise.
 *
 * @param clauseVectors the clause views of all passages, passage by passage
 * @param firstClause passage {@code i}'s clauses are rows {@code firstClause[i]} up to
 *     {@code firstClause[i + 1]} of {@code clauseVectors} (one more entry than passages)
 * @param wordStems each word's analysed term, aligned with {@code words}
 */
public record EssayIndex(
    List<Passage> passages,
    float[][] sentenceVectors,
    float[][] contextVectors,
    float[][] clauseVectors,
    int[] firstClause,
    List<String> words,
    List<String> wordStems,
    float[][] wordVectors) {
  private static final Logger LOG = LoggerFactory.getLogger(EssayIndex.class);

  public EssayIndex {
    passages = List.copyOf(passages);
    words = List.copyOf(words);
    wordStems = List.copyOf(wordStems);
  }

  /**
   * @param analyse the document analysis, to find each word's term; words that analyse to no term
   *     (stop words) or to several are left out
   */
  public static EssayIndex build(
      Library library,
      int contextSentences,
      Embedder embedder,
      VectorCache cache,
      Function<String, List<String>> analyse) {
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
        passages, sentences, contexts, clauseVectors, firstClause, words, stems, wordVectors);
  }

  private static float[][] cached(
      VectorCache cache, String kind, List<String> texts, Supplier<float[][]> embed) {
    if (texts.isEmpty()) {
      return new float[0][];
    }
    String key =
        kind + "-" + Hashes.sha256(EmbeddingModels.MODEL_ID + "\u0000" + String.join("\u0000", texts)).substring(0, 24);
    return cache
        .read(key, texts.size())
        .orElseGet(
            () -> {
              long started = System.nanoTime();
              float[][] fresh = embed.get();
              LOG.debug("index: embedded {} {} in {} ms", fresh.length, kind, (System.nanoTime() - started) / 1_000_000);
              cache.write(key, fresh);
              return fresh;
            });
  }
}
