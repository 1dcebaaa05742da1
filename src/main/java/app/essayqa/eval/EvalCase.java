package app.essayqa.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of a suite with what a right answer must show.
 *
 * @param evidence any-of phrases: the case hits when a cited quote contains one
 * @param answerContains any-of groups: the answer text must contain one term of each group
 * @param abstain the essay cannot answer it, so the right answer is a refusal
 * @param shortAnswer the short direct answer expected ({@code short:}), verbatim from the essay
 * @param line where the case starts in the suite file, for messages
 */
record EvalCase(
    String id,
    String question,
    List<String> evidence,
    List<List<String>> answerContains,
    boolean abstain,
    List<String> tags,
    int line,
    Optional<String> shortAnswer) {
  EvalCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(shortAnswer, "shortAnswer");
    evidence = List.copyOf(evidence);
    answerContains = answerContains.stream().map(List::copyOf).toList();
    tags = List.copyOf(tags);
  }

  /** A case expecting no particular short answer. */
  EvalCase(
      String id,
      String question,
      List<String> evidence,
      List<List<String>> answerContains,
      boolean abstain,
      List<String> tags,
      int line) {
    this(id, question, evidence, answerContains, abstain, tags, line, Optional.empty());
  }
}
