package app.essayqa.retrieve;

import java.util.List;
import java.util.Objects;

/**
 * A question prepared for retrieval.
 *
 * @param text the cleaned question
 * @param embedding its unit-length MiniLM vector
 * @param terms its analysed terms, distinct, in order
 */
public record Query(String text, float[] embedding, List<String> terms) {
  public Query {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(embedding, "embedding");
    terms = List.copyOf(terms);
  }
}
