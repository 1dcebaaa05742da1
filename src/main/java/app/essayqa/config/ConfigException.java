package app.essayqa.config;

import app.essayqa.error.EssayQaException;

/** A configuration mistake of the user's: the message names the key, the value and the source. */
public final class ConfigException extends EssayQaException {
  // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
