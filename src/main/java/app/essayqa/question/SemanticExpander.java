package app.essayqa.question;

import app.essayqa.index.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Widens a question's words to the essays' own words that mean nearly the same, by MiniLM
 * similarity of single words: "Beijing" finds "china", "electronics" finds "semiconductor",
 * "subjects" finds "topics". BM25 then matches words the question never used, which paraphrased
 * questions need, and abstention can tell a paraphrase (its words have near neighbours in the
 * essays) from a question about something the essays never mention (its key word has none).
 * Thread-safe once built.
 */
public final class SemanticExpander {
  private final List<String> words;
  private final List<String> stems;
  private final float[][] vectors;
  private final Map<String, Integer> indexByWord = new HashMap<>();
  private final double minSimilarity;
  private final int perTerm;

  /**
   * @param words the essays' distinct words, lower case
   * @param vectors their unit-length vectors, one row per word
   * @param stems each word's analysed term
   * @param minSimilarity the least cosine for a neighbour to count
   * @param perTerm at most this many neighbours per question word
   */
  public SemanticExpander(
      List<String> words,
      float[][] vectors,
      List<String> stems,
      double minSimilarity,
      int perTerm) {
    if (words.size() != vectors.length || words.size() != stems.size()) {
      throw new IllegalArgumentException("words, vectors and stems differ in length");
    }
    this.words = List.copyOf(words);
    this.stems = List.copyOf(stems);
    this.vectors = vectors;
    this.minSimilarity = minSimilarity;
    this.perTerm = perTerm;
    for (int i = 0; i < words.size(); i++) {
      indexByWord.put(words.get(i), i);
    }
  }

  /**
   * For each question word that analyses to a term, the essays' terms of its nearest words with
   * their similarity, its own term excluded.
   *
   * @param wordsToTerms question words mapped to their analysed term
   * @param embed embeds words the essays do not contain, all in one call
   */
  public Map<String, Map<String, Double>> expand(
      Map<String, String> wordsToTerms, Function<List<String>, float[][]> embed) {
    List<String> unknown = unknownWords(wordsToTerms);
    float[][] unknownVectors = unknown.isEmpty() ? new float[0][] : embed.apply(unknown);
    Map<String, Map<String, Double>> expansions = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : wordsToTerms.entrySet()) {
      String word = entry.getKey();
      String term = entry.getValue();
      Integer known = indexByWord.get(word);
      float[] v = known != null ? vectors[known] : unknownVectors[unknown.indexOf(word)];
      expansions.merge(term, neighbours(v, term), SemanticExpander::better);
    }
    return expansions;
  }

  /** The words {@link #expand} will have to embed, in the order it asks for them. */
  public List<String> unknownWords(Map<String, String> wordsToTerms) {
    return wordsToTerms.keySet().stream().filter(w -> !indexByWord.containsKey(w)).toList();
  }

  private Map<String, Double> neighbours(float[] v, String ownTerm) {
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < vectors.length; i++) {
      double cos = Vectors.dot(v, vectors[i]);
      if (cos >= minSimilarity && !stems.get(i).equals(ownTerm)) {
        scored.add(new double[] {cos, i});
      }
    }
    scored.sort(Comparator.<double[]>comparingDouble(s -> -s[0]).thenComparingDouble(s -> s[1]));
    Map<String, Double> out = new LinkedHashMap<>();
    for (double[] s : scored) {
      if (out.size() >= perTerm) {
        break;
      }
      out.putIfAbsent(stems.get((int) s[1]), s[0]);
    }
    return out;
  }

  private static Map<String, Double> better(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> merged = new LinkedHashMap<>(a);
    b.forEach((k, v) -> merged.merge(k, v, Math::max));
    return merged;
  }
}
