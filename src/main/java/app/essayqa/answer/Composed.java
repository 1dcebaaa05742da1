package app.essayqa.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A composed answer: its text, with citation numbers in brackets, and the citations.
 *
 * @param text the answer text
 * @param citations the quoted passages, numbered from 1 in rank order
 * @param declined whether the composer found that the passages do not answer the question (a
 *     language model may say so after the evidence policy let the question through); the facade
 *     then refuses as it would have
 * @param generation how a language model wrote it; empty for the extractive composer
 */
public record Composed(
    String text, List<Citation> citations, boolean declined, Optional<Generation> generation) {
  public Composed {
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    Objects.requireNonNull(generation, "generation");
  }

  public Composed(String text, List<Citation> citations) {
    this(text, citations, false, Optional.empty());
  }
}
