package app.essayqa.eval;

import app.essayqa.answer.Answer;
import java.util.Optional;

/**
 * A question-answering pipeline under evaluation: the program itself through its facade, or the
 * plain baseline it is compared with. {@link #ask} may be called from one thread at a time.
 */
interface AnswerSource extends AutoCloseable {
  /** A short name for tables, e.g. {@code essay-qa} or {@code easy-rag}. */
  String label();

  /** Answers one question; never null. */
  Answer ask(String question);

  /** The seed text a citation's document id points into, to check quotes are verbatim. */
  Optional<String> documentText(String documentId);

  /** What produced the answers, e.g. the index version. */
  String version();

  @Override
  void close();
}
