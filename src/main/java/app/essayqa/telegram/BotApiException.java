package app.essayqa.telegram;

/**
 * A failed Bot API call, classified by what the caller should do about it. The message never holds
 * the token, and there is deliberately no cause: the library's exceptions carry the request URL.
 */
final class BotApiException extends Exception {
  // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
  private static final long serialVersionUID = 1L;

  enum Kind {
    /** 429: wait {@link #retryAfterSeconds()} and send again. */
    RATE_LIMITED,
    /**
     * 5xx, or the connection failed before the request went out: Telegram did not carry it out, so
     * back off and try again.
     */
    TRANSIENT,
    /**
     * The request went out and no response came back (the connection dropped, the response timed
     * out, the reply was garbled): Telegram may or may not have carried it out.
     */
    AMBIGUOUS,
    /** 409: another client polls with this token, or a webhook is set. */
    CONFLICT,
    /** 401: the token is wrong or revoked. */
    UNAUTHORIZED,
    /** 403: the bot was blocked or removed from the chat; nothing sent there will arrive. */
    FORBIDDEN,
    /** 400 and other 4xx: this request will never succeed; the description says why. */
    REJECTED,
    /** The calling thread was interrupted (shutting down). */
    INTERRUPTED
  }

  private final Kind kind;
  private final int errorCode;
  private final int retryAfterSeconds;

  BotApiException(Kind kind, int errorCode, int retryAfterSeconds, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  Kind kind() {
    return kind;
  }

  /** Whether trying the same call again later may succeed. */
  boolean retryable() {
    return kind == Kind.RATE_LIMITED || kind == Kind.TRANSIENT || kind == Kind.AMBIGUOUS;
  }

  /** The Bot API's {@code error_code}, 0 when the call got no answer from it. */
  int errorCode() {
    return errorCode;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
