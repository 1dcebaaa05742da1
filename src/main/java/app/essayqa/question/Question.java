package app.essayqa.question;

import java.util.List;
import java.util.Optional;

/**
 * A question as the question stage understood it: what every later stage reads, computed once.
 *
 * @param shown the question as the user typed it, for display
 * @param text the cleaned question; for a follow-up, with the previous question appended
 * @param terms analysed search terms, distinct, in order, question framing left out
 * @param names the names it mentions ("Kei Koga", "GDP"), as written
 * @param unknownNames those of {@code names} the library never mentions
 * @param predicate the terms that are not part of a name: what is asked about the names
 * @param wanted the kind of answer asked for
 * @param focus the noun a "what X"/"which X" question asks for ("nationality"), lower case as typed
 * @param scope where in the library the answer is looked for
 * @param followUp how it leans on the previous answer
 * @param leansOn for a follow-up, the previous answer it is read against
 */
public record Question(
    String shown,
    String text,
    List<String> terms,
    List<String> names,
    List<String> unknownNames,
    List<String> predicate,
    AnswerKind.Wanted wanted,
    Optional<String> focus,
    Scope scope,
    FollowUp followUp,
    Optional<Turn> leansOn) {
  public Question {
    terms = List.copyOf(terms);
    names = List.copyOf(names);
    unknownNames = List.copyOf(unknownNames);
    predicate = List.copyOf(predicate);
  }
}
