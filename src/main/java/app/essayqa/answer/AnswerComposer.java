package app.essayqa.answer;

import app.essayqa.retrieve.ScoredPassage;
import java.util.List;

/**
 * The compose stage: writes the answer to a question the abstention policy let through, from the
 * ranked passages alone. The extractive composer quotes them; a language model may write instead,
 * as long as every quote it makes is checked against them. Implementations are thread-safe.
 */
public interface AnswerComposer {
  /**
   * @param question the cleaned question, follow-ups already read against the conversation
   * @param ranked passages, most relevant first (not empty)
   * @param contentTerms the question's content terms, to see what a second sentence adds
   */
  Composed compose(String question, List<ScoredPassage> ranked, List<String> contentTerms);

  /**
   * The same, for a question asked after {@code earlier} answers (oldest first), showing each
   * verified sentence on {@code stream} as it is written. Composers that neither read the
   * conversation nor stream need not override it.
   */
  default Composed compose(
      String question,
      List<ScoredPassage> ranked,
      List<String> contentTerms,
      List<Answer> earlier,
      SentenceStream stream) {
    return compose(question, ranked, contentTerms);
  }
}
