package app.essayqa.retrieve;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question prepared for retrieval.
 *
 * @param text the cleaned question
 * @param embedding its unit-length MiniLM vector
 * @param terms its analysed terms, distinct, in order, question-framing words left out
 * @param expansions for each term, the essays' terms that mean nearly the same, with their
 *     similarity (see {@link SemanticExpander})
 * @param tokenVectors unit-length MiniLM vectors of its content tokens, for late interaction; empty
 *     when not computed
 */
public record Query(
    String text,
    float[] embedding,
    List<String> terms,
    Map<String, Map<String, Double>> expansions,
    float[][] tokenVectors) {
  public Query {
    Objects.requireNonNull(tokenVectors, "tokenVectors");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(embedding, "embedding");
    terms = List.copyOf(terms);
    expansions = Map.copyOf(expansions);
  }

  /** A query without token vectors. */
  public Query(
      String text,
      float[] embedding,
      List<String> terms,
      Map<String, Map<String, Double>> expansions) {
    this(text, embedding, terms, expansions, new float[0][]);
  }

  /** The neighbours of one term; empty when it has none. */
  public Map<String, Double> expansionsOf(String term) {
    return expansions.getOrDefault(term, Map.of());
  }
}
