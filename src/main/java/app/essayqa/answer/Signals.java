package app.essayqa.answer;

import java.util.List;

/**
 * The evidence abstention weighs: how close the best passage is in meaning, how much of the
 * question it covers, and whether the question names things the essays never mention.
 *
 * @param bestDense the best cosine similarity among the top passages
 * @param coverage share of the question's content terms found in the best passage or its context
 * @param contentTerms the question's analysed terms, framing words ("what", "essay") left out
 * @param unknownTerms content terms that occur nowhere in the essays
 * @param unknownNames capitalised names in the question that occur nowhere in the essays
 * @param kindHeld whether the best passage holds the kind of answer asked for (a number, a date...)
 * @param actionHeld whether the best passage covers one of the question's words that are not part
 *     of a name (for "When was the Library founded?", "founded"); true when there are none
 */
public record Signals(
    double bestDense,
    double coverage,
    List<String> contentTerms,
    List<String> unknownTerms,
    List<String> unknownNames,
    AnswerKind kind,
    boolean kindHeld,
    boolean actionHeld) {
  public Signals {
    contentTerms = List.copyOf(contentTerms);
    unknownTerms = List.copyOf(unknownTerms);
    unknownNames = List.copyOf(unknownNames);
  }
}
