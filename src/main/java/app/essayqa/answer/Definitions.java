package app.essayqa.answer;

import app.essayqa.index.AcronymTable;
import app.essayqa.question.Query;
import app.essayqa.question.Question;
import app.essayqa.question.Scope;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "What does NTS stand for?" and "What is NTS?" from the sentence anywhere in the library
 * that defines the acronym: that sentence is the evidence, whatever retrieval ranked first, since a
 * similarity ranking does not know that "non-traditional security (NTS)" is a definition. Questions
 * about anything else, and acronyms the library never defines, are left to {@link
 * AbstentionPolicy}. Thread-safe.
 */
public final class Definitions {
  private final AcronymTable acronyms;

  public Definitions(AcronymTable acronyms) {
    this.acronyms = acronyms;
  }

  /**
   * A verdict to answer from the defining sentence, placed first before {@code ranked}, when the
   * question asks for a definition the library gives; empty otherwise.
   */
  public Optional<AbstentionPolicy.Verdict> judge(Query query, List<ScoredPassage> ranked) {
    Question q = query.question();
    if (q.scope() != Scope.FACT) {
      return Optional.empty();
    }
    return ShortAnswerFinder.acronymAsked(q.text())
        .flatMap(acronyms::find)
        .map(definition -> verdict(q, definition, ranked));
  }

  private static AbstentionPolicy.Verdict verdict(
      Question q, AcronymTable.Definition definition, List<ScoredPassage> ranked) {
    List<ScoredPassage> reordered = new ArrayList<>();
    ScoredPassage defining =
        ranked.stream()
            .filter(sp -> sp.passage().id() == definition.passage().id())
            .findFirst()
            .orElseGet(() -> new ScoredPassage(definition.passage(), 0, 0, 0, List.of()));
    reordered.add(defining);
    ranked.stream()
        .filter(sp -> sp.passage().id() != definition.passage().id())
        .forEach(reordered::add);
    double bestDense = ranked.stream().limit(3).mapToDouble(ScoredPassage::dense).max().orElse(0);
    Signals signals =
        new Signals(bestDense, q.terms(), List.of(), true, 1, true, q.wanted().kind(), true, 1);
    return new AbstentionPolicy.Verdict(Optional.empty(), signals, reordered);
  }
}
