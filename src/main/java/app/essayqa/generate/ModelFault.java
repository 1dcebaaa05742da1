package app.essayqa.generate;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Why a call to the language model gave no usable reply, as one line fit to show a user: the
 * extractive answer is shown instead, with this as its note. Never carries a stack trace to the
 * user, nor the API key (LangChain4j's messages quote the server's error body, which we do not
 * show).
 */
final class ModelFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The faults a user can tell apart and act on. */
  enum Kind {
    UNREACHABLE,
    TIMEOUT,
    RATE_LIMITED,
    SERVER_ERROR,
    UNAUTHORIZED,
    UNKNOWN_MODEL,
    BAD_REQUEST,
    MALFORMED,
    EMPTY
  }

  private final Kind kind;

  ModelFault(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  /** Reads what LangChain4j (or the HTTP client under it) threw while calling {@code settings}. */
  static ModelFault of(Throwable error, LlmSettings settings) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ModelFault fault) {
        return fault;
      }
      if (t instanceof AuthenticationException) {
        return unauthorized();
      }
      if (t instanceof ModelNotFoundException) {
        return unknownModel(settings);
      }
      if (t instanceof RateLimitException) {
        return rateLimited();
      }
      if (t instanceof HttpException http) {
        return ofStatus(http.statusCode(), settings);
      }
      if (t instanceof HttpTimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException) {
        return timeout(settings);
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof UnresolvedAddressException) {
        return unreachable(settings);
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return malformed();
      }
    }
    if (error instanceof UncheckedIOException || error instanceof java.io.IOException) {
      return unreachable(settings);
    }
    return new ModelFault(
        Kind.MALFORMED, "the model server's reply could not be read (" + simpleName(error) + ")");
  }

  static ModelFault ofStatus(int status, LlmSettings settings) {
    return switch (status) {
      case 401, 403 -> unauthorized();
      case 404 -> unknownModel(settings);
      case 429 -> rateLimited();
      default ->
          status >= 500
              ? new ModelFault(Kind.SERVER_ERROR, "the model server failed (HTTP " + status + ")")
              : new ModelFault(
                  Kind.BAD_REQUEST, "the model server refused the request (HTTP " + status + ")");
    };
  }

  static ModelFault timeout(LlmSettings settings) {
    return new ModelFault(
        Kind.TIMEOUT,
        "no reply within llm.timeout, " + seconds(settings.timeout().toMillis()) + " s");
  }

  static ModelFault empty() {
    return new ModelFault(Kind.EMPTY, "the model replied with nothing");
  }

  static ModelFault malformed() {
    return new ModelFault(Kind.MALFORMED, "the model server's reply was not valid JSON");
  }

  private static ModelFault unauthorized() {
    return new ModelFault(
        Kind.UNAUTHORIZED,
        "the model server refused the API key (HTTP 401); set ESSAYQA_LLM_API_KEY or"
            + " OPENAI_API_KEY");
  }

  private static ModelFault unknownModel(LlmSettings settings) {
    return new ModelFault(
        Kind.UNKNOWN_MODEL,
        "the model server does not know the model '" + settings.model() + "' (set llm.model)");
  }

  private static ModelFault rateLimited() {
    return new ModelFault(
        Kind.RATE_LIMITED, "the model server is rate-limiting requests (HTTP 429)");
  }

  private static ModelFault unreachable(LlmSettings settings) {
    return new ModelFault(
        Kind.UNREACHABLE,
        "cannot reach the model server at " + settings.baseUrl() + " (set llm.base-url)");
  }

  private static String simpleName(Throwable t) {
    return t.getClass().getSimpleName();
  }

  private static String seconds(long ms) {
    return ms % 1000 == 0
        ? Long.toString(ms / 1000)
        : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
  }
}
