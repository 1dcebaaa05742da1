package app.essayqa.error;

/**
 * A mistake in a command's options or arguments that only a front end can see (a threshold naming
 * an unknown metric, a sweep over an unknown key). The launcher prints it as it prints picocli's
 * own usage errors: the message, then a pointer to the command's {@code --help}.
 */
public final class UsageException extends EssayQaException {
  // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
