package app.essayqa.answer;

import java.util.List;

/**
 * What the decision model reads of one candidate passage: the retrieval scores and the evidence
 * checks, each scaled to about 0..1 so that one weight per feature means the same across questions.
 * The order of {@link #NAMES} is the order of {@link #vector()} and of the weights in a fitted
 * {@link DecisionModel}.
 *
 * @param dense cosine similarity of question and passage
 * @param denseGap how far below the best dense score of the candidates it is
 * @param bm25Share its BM25 score as a share of the best among the candidates (0 when none matched)
 * @param late token-by-token similarity (0 when not computed)
 * @param fusedShare its fused score as a share of the best
 * @param reciprocalRank 1 / its rank after fusion
 * @param termCoverage share of the question's terms the sentence or its context holds, or a near
 *     synonym
 * @param evidence share of the question's predicate terms its paragraph holds
 * @param namesMissing share of the question's names its paragraph lacks (0 when it names none)
 * @param focusMissing 1 when the question asks "which X" and the sentence names no X
 * @param kindHeld 1 when the question asks for a date, number, person or place and it holds one
 * @param kindMissing 1 when the question asks for one and it holds none
 * @param attribute 1 when the question asks one attribute of a named subject
 * @param offTopic 1 when its document is no closer to the question than unrelated questions come
 * @param checksHold 1 when it passes every evidence check of the rules (names, predicate, the
 *     "which X" noun, the kind of answer), which no single feature above says
 * @param weakestWord the best token-by-token similarity of the question word the sentence matches
 *     worst: low when it says nothing of one thing the question asks (0 when not computed)
 */
public record PassageFeatures(
    double dense,
    double denseGap,
    double bm25Share,
    double late,
    double fusedShare,
    double reciprocalRank,
    double termCoverage,
    double evidence,
    double namesMissing,
    double focusMissing,
    double kindHeld,
    double kindMissing,
    double attribute,
    double offTopic,
    double checksHold,
    double sentenceNames,
    double sentenceEvidence,
    double length,
    double spanMissing,
    double weakestWord) {

  /** The features' names, in the order of {@link #vector()}. */
  public static final List<String> NAMES =
      List.of(
          "dense",
          "dense-gap",
          "bm25-share",
          "late",
          "fused-share",
          "reciprocal-rank",
          "term-coverage",
          "evidence",
          "names-missing",
          "focus-missing",
          "kind-held",
          "kind-missing",
          "attribute",
          "off-topic",
          "checks-hold",
          "sentence-names",
          "sentence-evidence",
          "length",
          "span-missing",
          "weakest-word");

  public double[] vector() {
    return new double[] {
      dense,
      denseGap,
      bm25Share,
      late,
      fusedShare,
      reciprocalRank,
      termCoverage,
      evidence,
      namesMissing,
      focusMissing,
      kindHeld,
      kindMissing,
      attribute,
      offTopic,
      checksHold,
      sentenceNames,
      sentenceEvidence,
      length,
      spanMissing,
      weakestWord
    };
  }
}
