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
 */
record CaseResult(
    EvalCase expected,
    boolean abstained,
    String answer,
    List<QuoteResult> quotes,
    int groupsSatisfied,
    double latencyMs,
    List<String> reasons,
    Optional<Generation> generation) {
  CaseResult {
    quotes = List.copyOf(quotes);
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(generation, "generation");
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
    return s.toString();
  }
}
