package app.essayqa.eval;

import app.essayqa.EssayQa;
import app.essayqa.answer.Answer;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import java.util.Optional;

/** The program under test, through the same facade the REPL and the bot use. */
final class FacadeAnswerSource implements AnswerSource {
  private final EssayQa essayQa;

  FacadeAnswerSource(EssayQa essayQa) {
    this.essayQa = essayQa;
  }

  @Override
  public String label() {
    return "essay-qa";
  }

  @Override
  public Answer ask(String question) {
    return essayQa.ask(question);
  }

  @Override
  public Optional<String> documentText(String documentId) {
    return essayQa.library().document(documentId).map(Document::text);
  }

  /** The seed documents, for the baseline to index the same texts. */
  Library library() {
    return essayQa.library();
  }

  @Override
  public String version() {
    return essayQa.indexVersion();
  }

  @Override
  public void close() {
    essayQa.close();
  }
}
