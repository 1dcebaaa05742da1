package app.essayqa.answer;

import app.essayqa.question.AnswerKind;
import java.util.List;

/**
 * What abstention found in the passage it judged (the evidence passage, or the best one when none
 * held the evidence), for {@code :debug} and the JSON output.
 *
 * @param bestDense the best cosine similarity among the top passages
 * @param contentTerms the question's analysed terms, framing words ("what", "essay") left out
 * @param unknownNames names in the question the library never mentions
 * @param namesHeld whether the judged passage's paragraph holds every name the question mentions
 * @param evidence share of the question's predicate terms (those not part of a name) the judged
 *     passage holds, itself or through a near synonym
 * @param focusHeld whether it holds the noun a "what X"/"which X" question asks for
 * @param kind the kind of answer asked for
 * @param kindHeld whether it holds an answer of that kind (a number, a date...)
 * @param evidenceRank 1-based rank of the passage that held the evidence, 0 when none did
 */
public record Signals(
    double bestDense,
    List<String> contentTerms,
    List<String> unknownNames,
    boolean namesHeld,
    double evidence,
    boolean focusHeld,
    AnswerKind kind,
    boolean kindHeld,
    int evidenceRank) {
  public Signals {
    contentTerms = List.copyOf(contentTerms);
    unknownNames = List.copyOf(unknownNames);
  }
}
