package app.essayqa.eval;

import app.essayqa.answer.Generation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one case got and how it scored. Kept only for failed cases and written to reports; the
 * running figures live in {@link Scores}.
 *
 * @param quotes the citations in rank order, empty when the system abstained
 * @param groupsSatisfied how many {@code answer_contains} groups the answer text satisfies
 * @param reasons why the case failed; empty when it passed
 * @param generation how a language model wrote the answer, when one was asked
 * @param shortAnswer the short direct answer the system gave, if any
 * @param typedFact whether the question asks for a typed fact, which wants a short answer
 */
record CaseResult(
    EvalCase expected,
    boolean abstained,
    String answer,
    List<QuoteResult> quotes,
    int groupsSatisfied,
    double latencyMs,
    List<String> reasons,
    Optional<Generation> generation,
    Optional<String> shortAnswer,
    boolean typedFact) {
  CaseResult {
    quotes = List.copyOf(quotes);
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(shortAnswer, "shortAnswer");
  }

  CaseResult(
      EvalCase expected,
      boolean abstained,
      String answer,
      List<QuoteResult> quotes,
      int groupsSatisfied,
      double latencyMs,
      List<String> reasons,
      Optional<Generation> generation) {
    this(
        expected,
        abstained,
        answer,
        quotes,
        groupsSatisfied,
        latencyMs,
        reasons,
        generation,
        Optional.empty(),
        false);
  }

  /** Whether the short answer given is the one the case expects, when it expects one. */
  boolean shortMatches() {
    return shortMatches(expected, abstained, shortAnswer);
  }

  /** As {@link #shortMatches()}, for a result still being put together. */
  static boolean shortMatches(EvalCase expected, boolean abstained, Optional<String> given) {
    return expected.shortAnswer().isPresent()
        && !abstained
        && given.map(s -> ShortMatch.same(s, expected.shortAnswer().get())).orElse(false);
  }

  CaseResult(
      EvalCase expected,
      boolean abstained,
      String answer,
      List<QuoteResult> quotes,
      int groupsSatisfied,
      double latencyMs,
      List<String> reasons) {
    this(
        expected, abstained, answer, quotes, groupsSatisfied, latencyMs, reasons, Optional.empty());
  }

  boolean passed() {
    return reasons.isEmpty();
  }

  /** Relevance of each quote by rank; none when abstained, since a refusal shows no evidence. */
  List<Boolean> relevance() {
    return abstained ? List.of() : quotes.stream().map(QuoteResult::relevant).toList();
  }

  /** A one-line summary of what the case expected, for failure listings. */
  String expectation() {
    EvalCase c = expected;
    if (c.abstain()) {
      return "a refusal (the essay cannot answer it)";
    }
    StringBuilder s = new StringBuilder();
    if (!c.evidence().isEmpty()) {
      s.append("a quote containing ")
          .append(String.join(" | ", c.evidence().stream().map(e -> "\"" + e + "\"").toList()));
    }
    if (!c.answerContains().isEmpty()) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append("answer with ")
          .append(
              String.join(
                  " and ", c.answerContains().stream().map(g -> String.join("/", g)).toList()));
    }
    c.shortAnswer()
        .ifPresent(e -> s.append(s.length() > 0 ? "; " : "").append("short answer \"" + e + "\""));
    return s.toString();
  }
}
