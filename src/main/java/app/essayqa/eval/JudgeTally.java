package app.essayqa.eval;

import app.essayqa.generate.AnswerJudge;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code eval --judge}: the judge's grade of each answered case that has {@code answer_contains},
 * counted apart from the deterministic figures because it is a model's opinion. Mutable, one per
 * suite run, on the runner's thread.
 */
final class JudgeTally implements Consumer<CaseResult> {
  private final AnswerJudge judge;
  private int graded;
  private int correct;
  private int ungraded;

  JudgeTally(AnswerJudge judge) {
    this.judge = judge;
  }

  @Override
  public void accept(CaseResult r) {
    EvalCase c = r.expected();
    if (c.abstain() || r.abstained() || c.answerContains().isEmpty()) {
      return;
    }
    Optional<Boolean> grade = judge.correct(c.question(), r.answer(), c.answerContains());
    if (grade.isEmpty()) {
      ungraded++;
    } else {
      graded++;
      correct += grade.get() ? 1 : 0;
    }
  }

  void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "Judge (%s; an opinion, not a gate): %d of %d graded answers correct (%s)%s%n",
        judge.describe(),
        correct,
        graded,
        graded == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) correct / graded),
        ungraded == 0 ? "" : "; " + ungraded + " not graded (the judge gave no grade)");
  }
}
