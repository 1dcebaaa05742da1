package app.essayqa.eval;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.ShortAnswer;
import app.essayqa.answer.ShortAnswerFinder;
import app.essayqa.question.AnswerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Scores one answer against its case. Pure: same inputs, same result. */
final class CaseScorer {
  private final Function<String, Optional<String>> documentText;
  private final int k;

  /**
   * @param documentText the seed text of a document id, to check quotes are verbatim
   * @param k the cut-off within which evidence must appear for the case to pass
   */
  CaseScorer(Function<String, Optional<String>> documentText, int k) {
    this.documentText = documentText;
    this.k = k;
  }

  CaseResult score(EvalCase c, Answer answer, double latencyMs) {
    List<QuoteResult> quotes = new ArrayList<>();
    for (Citation cite : answer.citations()) {
      quotes.add(
          new QuoteResult(
              cite.n(),
              cite.document(),
              cite.locator(),
              cite.start(),
              cite.end(),
              cite.quote(),
              c.evidence().stream().anyMatch(e -> Matching.containsPhrase(cite.quote(), e)),
              faithful(cite)));
    }
    int satisfied =
        (int)
            c.answerContains().stream()
                .filter(g -> g.stream().anyMatch(t -> Matching.containsTerm(answer.text(), t)))
                .count();
    List<String> reasons = new ArrayList<>();
    if (c.abstain()) {
      if (!answer.abstained()) {
        reasons.add("answered a question the essay cannot answer");
      }
    } else {
      if (answer.abstained()) {
        reasons.add("refused a question the essay answers");
      } else if (!c.evidence().isEmpty()) {
        int rank = Ranking.firstRelevantRank(quotes.stream().map(QuoteResult::relevant).toList());
        if (rank == 0) {
          reasons.add("no quote holds the evidence");
        } else if (rank > k) {
          reasons.add("evidence only at rank " + rank + ", beyond " + k);
        }
      }
      for (List<String> group : c.answerContains()) {
        if (group.stream().noneMatch(t -> Matching.containsTerm(answer.text(), t))) {
          reasons.add("answer lacks " + String.join(" / ", group));
        }
      }
    }
    for (QuoteResult q : quotes) {
      if (!q.faithful()) {
        reasons.add("quote [" + q.n() + "] is not verbatim at " + q.start() + ".." + q.end());
      }
    }
    answer
        .shortAnswer()
        .filter(
            s ->
                answer.citations().stream()
                    .noneMatch(cite -> cite.n() == s.citation() && cite.quote().contains(s.text())))
        .ifPresent(
            s -> reasons.add("short answer is not verbatim in quote [" + s.citation() + "]"));
    Optional<String> shortAnswer = answer.shortAnswer().map(ShortAnswer::text);
    boolean typedFact =
        ShortAnswerFinder.asksForTypedFact(c.question(), AnswerKind.of(c.question()));
    if (c.shortAnswer().isPresent()
        && !answer.abstained()
        && !CaseResult.shortMatches(c, answer.abstained(), shortAnswer)) {
      reasons.add(
          "short answer "
              + shortAnswer.map(s -> "\"" + s + "\"").orElse("missing")
              + ", expected \""
              + c.shortAnswer().get()
              + "\"");
    }
    return new CaseResult(
        c,
        answer.abstained(),
        answer.text(),
        quotes,
        satisfied,
        latencyMs,
        reasons,
        answer.generation(),
        shortAnswer,
        typedFact);
  }

  /** A case whose question made the system throw: a bug, counted as a miss with the error. */
  CaseResult failed(EvalCase c, RuntimeException error, double latencyMs) {
    String reason = "the system failed: " + error;
    return new CaseResult(c, false, "", List.of(), 0, latencyMs, List.of(reason));
  }

  private boolean faithful(Citation cite) {
    return documentText
        .apply(cite.document())
        .map(
            text ->
                cite.start() >= 0
                    && cite.end() <= text.length()
                    && cite.start() <= cite.end()
                    && text.substring(cite.start(), cite.end()).equals(cite.quote()))
        .orElse(false);
  }
}
