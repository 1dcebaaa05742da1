package app.essayqa.answer;

import java.util.List;

/**
 * What the decision model reads to decide whether a question is answered: the absolute evidence of
 * the passage it would answer from (the best by the ordering score), and whether any candidate
 * passes the rules' checks. Relative scores (rank, share of the best) say which passage is best,
 * never whether the best is good enough, so they enter this half of the model only through the
 * ordering score.
 *
 * @param orderScore the ordering score of the chosen passage
 * @param dense its cosine similarity with the question
 * @param late its token-by-token similarity
 * @param termCoverage share of the question's terms its sentence holds
 * @param evidence share of the predicate terms its paragraph holds
 * @param namesMissing share of the question's names its paragraph lacks
 * @param focusMissing 1 when a "which X" question's X is not in it
 * @param kindMissing 1 when the kind of answer asked for is not in it
 * @param attribute 1 when the question asks one attribute of a named subject
 * @param checksHold 1 when it passes the rules' checks
 * @param anyChecksHold 1 when any candidate the question is about passes them
 * @param spanMissing 1 when the question asks for a typed fact the chosen sentence does not hold
 * @param weakestWord how well the chosen sentence matches the question word it matches worst
 */
public record QuestionFeatures(
    double orderScore,
    double dense,
    double late,
    double termCoverage,
    double evidence,
    double namesMissing,
    double focusMissing,
    double kindMissing,
    double attribute,
    double checksHold,
    double anyChecksHold,
    double spanMissing,
    double weakestWord) {

  /** The features' names, in the order of {@link #vector()}. */
  public static final List<String> NAMES =
      List.of(
          "order-score",
          "dense",
          "late",
          "term-coverage",
          "evidence",
          "names-missing",
          "focus-missing",
          "kind-missing",
          "attribute",
          "checks-hold",
          "any-checks-hold",
          "span-missing",
          "weakest-word");

  /**
   * @param chosen the passage answered from
   * @param orderScore its ordering score
   * @param about every candidate the question is about, {@code chosen} among them
   */
  public static QuestionFeatures of(
      PassageFeatures chosen, double orderScore, List<PassageFeatures> about) {
    return new QuestionFeatures(
        orderScore,
        chosen.dense(),
        chosen.late(),
        chosen.termCoverage(),
        chosen.evidence(),
        chosen.namesMissing(),
        chosen.focusMissing(),
        chosen.kindMissing(),
        chosen.attribute(),
        chosen.checksHold(),
        about.stream().anyMatch(f -> f.checksHold() > 0) ? 1 : 0,
        chosen.spanMissing(),
        chosen.weakestWord());
  }

  public double[] vector() {
    return new double[] {
      orderScore,
      dense,
      late,
      termCoverage,
      evidence,
      namesMissing,
      focusMissing,
      kindMissing,
      attribute,
      checksHold,
      anyChecksHold,
      spanMissing,
      weakestWord
    };
  }
}
