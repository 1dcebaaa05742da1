package app.essayqa.answer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the program says to a question.
 *
 * @param text the answer: one to three quoted sentences with {@code [n]} markers, or, when {@code
 *     abstained}, a plain statement that the essay does not answer the question
 * @param citations the sources in rank order, numbered 1..n; the text marks the ones it quotes with
 *     their numbers, the rest support it; empty when abstained
 * @param nearestTopics when abstained, the nearest topics the essay does cover; otherwise empty
 * @param indexVersion the index the answer came from (same version and question, same answer)
 * @param timingsMs milliseconds per stage, {@code total} included, in pipeline order
 * @param evidence why each candidate passage ranked where it did, for {@code :debug} and reports
 * @param generation how a language model wrote the answer ({@code answer.mode=llm}), or why its
 *     answer was not used; empty in extractive mode and when the model was not asked
 * @param shortAnswer the short direct answer, a verbatim span of a cited sentence, when the
 *     question asks for a typed fact and one was found; empty otherwise (and when abstained)
 */
public record Answer(
    String question,
    String text,
    boolean abstained,
    List<Citation> citations,
    List<String> nearestTopics,
    String indexVersion,
    Map<String, Long> timingsMs,
    List<Evidence> evidence,
    Optional<Generation> generation,
    Optional<ShortAnswer> shortAnswer) {

  public Answer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    nearestTopics = List.copyOf(nearestTopics);
    timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(shortAnswer, "shortAnswer");
  }

  /** An answer without a short direct answer. */
  public Answer(
      String question,
      String text,
      boolean abstained,
      List<Citation> citations,
      List<String> nearestTopics,
      String indexVersion,
      Map<String, Long> timingsMs,
      List<Evidence> evidence,
      Optional<Generation> generation) {
    this(
        question,
        text,
        abstained,
        citations,
        nearestTopics,
        indexVersion,
        timingsMs,
        evidence,
        generation,
        Optional.empty());
  }

  /** This answer with the given short direct answer. */
  public Answer withShortAnswer(Optional<ShortAnswer> span) {
    return new Answer(
        question,
        text,
        abstained,
        citations,
        nearestTopics,
        indexVersion,
        timingsMs,
        evidence,
        generation,
        span);
  }

  /** An answer no language model had a part in. */
  public Answer(
      String question,
      String text,
      boolean abstained,
      List<Citation> citations,
      List<String> nearestTopics,
      String indexVersion,
      Map<String, Long> timingsMs,
      List<Evidence> evidence) {
    this(
        question,
        text,
        abstained,
        citations,
        nearestTopics,
        indexVersion,
        timingsMs,
        evidence,
        Optional.empty());
  }
}
