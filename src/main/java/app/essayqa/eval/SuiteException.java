package app.essayqa.eval;

import app.essayqa.error.EssayQaException;

/** A suite the user wrote wrongly; the message names the file, the line and the field. */
final class SuiteException extends EssayQaException {
  // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
  private static final long serialVersionUID = 1L;

  SuiteException(String message) {
    super(message);
  }
}
