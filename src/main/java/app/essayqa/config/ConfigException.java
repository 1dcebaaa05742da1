package app.essayqa.config;

import app.essayqa.error.EssayQaException;

/** A configuration mistake of the user's: the message names the key, the value and the source. */
public final class ConfigException extends EssayQaException {
  public ConfigException(String message) {
    super(message);
  }
}
