package app.essayqa.question;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A question prepared for retrieval: the analysed {@link Question} and its vectors.
 *
 * @param question what the question stage read from it
 * @param embedding its unit-length MiniLM vector
 * @param expansions for each term, the library's terms that mean nearly the same, with their
 *     similarity (see {@link SemanticExpander})
 * @param tokenVectors unit-length MiniLM vectors of its content tokens, for late interaction; empty
 *     when not computed
 */
public record Query(
    Question question,
    float[] embedding,
    Map<String, Map<String, Double>> expansions,
    float[][] tokenVectors) {
  public Query {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(tokenVectors, "tokenVectors");
    Objects.requireNonNull(embedding, "embedding");
    expansions = Map.copyOf(expansions);
  }

  /** A standalone fact question of {@code text} with these terms, for retrieval tests. */
  public Query(
      String text,
      float[] embedding,
      List<String> terms,
      Map<String, Map<String, Double>> expansions,
      float[][] tokenVectors) {
    this(plain(text, terms), embedding, expansions, tokenVectors);
  }

  /** A query without token vectors. */
  public Query(
      String text,
      float[] embedding,
      List<String> terms,
      Map<String, Map<String, Double>> expansions) {
    this(text, embedding, terms, expansions, new float[0][]);
  }

  /** The text searched: the cleaned question, a follow-up's with the previous one appended. */
  public String text() {
    return question.text();
  }

  /** The analysed search terms. */
  public List<String> terms() {
    return question.terms();
  }

  /** The neighbours of one term; empty when it has none. */
  public Map<String, Double> expansionsOf(String term) {
    return expansions.getOrDefault(term, Map.of());
  }

  private static Question plain(String text, List<String> terms) {
    return new Question(
        text,
        text,
        terms,
        List.of(),
        List.of(),
        terms,
        AnswerKind.of(text),
        Optional.empty(),
        Scope.FACT,
        FollowUp.STANDALONE,
        Optional.empty());
  }
}
