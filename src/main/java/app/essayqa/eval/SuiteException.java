package app.essayqa.eval;

import app.essayqa.error.EssayQaException;

/** A suite the user wrote wrongly; the message names the file, the line and the field. */
final class SuiteException extends EssayQaException {
  SuiteException(String message) {
    super(message);
  }
}
