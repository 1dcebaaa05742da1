package app.essayqa.error;

/**
 * The one unchecked exception the facade throws for problems a user can fix (bad configuration,
 * missing seeds, unreadable cache folder). Front ends catch it once and print its message; it never
 * carries a secret such as the bot token.
 */
public class EssayQaException extends RuntimeException {
  // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
  private static final long serialVersionUID = 1L;

  public EssayQaException(String message) {
    super(message);
  }

  public EssayQaException(String message, Throwable cause) {
    super(message, cause);
  }
}
