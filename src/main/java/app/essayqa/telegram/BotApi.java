package app.essayqa.telegram;

import app.essayqa.error.EssayQaException;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * The Bot API over TelegramBots' OkHttp client, with its failures turned into {@link
 * BotApiException}s that say what to do next and never show the token. Long polls go through a
 * client of their own so that stopping can cancel them without cancelling replies in flight.
 */
final class BotApi implements AutoCloseable {
  private final TokenRedactor redactor;
  private final OkHttpClient sendHttp;
  private final OkHttpClient pollHttp;
  private final OkHttpTelegramClient send;
  private final OkHttpTelegramClient poll;

  BotApi(String token, URI apiUrl, Duration pollTimeout) {
    this.redactor = new TokenRedactor(token);
    TelegramUrl url = telegramUrl(apiUrl);
    ConnectionPool pool = new ConnectionPool(8, 1, TimeUnit.MINUTES);
    this.sendHttp =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher("telegram-http"))
            .connectionPool(pool)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .build();
    this.pollHttp =
        sendHttp
            .newBuilder()
            .dispatcher(dispatcher("telegram-http-poll"))
            .readTimeout(pollTimeout.plusSeconds(15))
            .build();
    this.send = new OkHttpTelegramClient(sendHttp, token, url);
    this.poll = new OkHttpTelegramClient(pollHttp, token, url);
  }

  /** Telegram's own URL type has no path, so a base URL with one cannot be honoured: say so. */
  static TelegramUrl telegramUrl(URI apiUrl) {
    String scheme = apiUrl.getScheme();
    String host = apiUrl.getHost();
    String path = apiUrl.getPath() == null ? "" : apiUrl.getPath();
    String problem =
        scheme == null
            ? "it has no scheme"
            : !(scheme.equals("http") || scheme.equals("https"))
                ? "its scheme is not http or https"
                : host == null
                    ? "it has no host"
                    : !(path.isEmpty() || path.equals("/"))
                        ? "it has a path (Telegram's client takes none)"
                        : apiUrl.getQuery() != null ? "it has a query" : null;
    if (problem != null) {
      // Only the reason and the host: the rest of a URL may hold a token, so it is never repeated.
      throw new EssayQaException(
          "telegram.api-url must look like https://host[:port] with no path; "
              + problem
              + (host == null ? "" : " (host '" + host + "')"));
    }
    int port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
    return new TelegramUrl(scheme, host, port, false);
  }

  <T extends Serializable> T call(BotApiMethod<T> method) throws BotApiException {
    return execute(send, method);
  }

  List<Update> getUpdates(long offset, int timeoutSeconds, int limit) throws BotApiException {
    GetUpdates request =
        GetUpdates.builder()
            .offset((int) offset)
            .timeout(timeoutSeconds)
            .limit(limit)
            .allowedUpdates(List.of("message", "callback_query"))
            .build();
    List<Update> updates = execute(poll, request);
    return updates == null ? List.of() : new ArrayList<>(updates);
  }

  /** Ends a long poll in progress; the poller sees a TRANSIENT failure. */
  void cancelPolls() {
    pollHttp.dispatcher().cancelAll();
  }

  String redact(String text) {
    return redactor.redact(text);
  }

  private <T extends Serializable> T execute(OkHttpTelegramClient client, BotApiMethod<T> method)
      throws BotApiException {
    try {
      return client.execute(method);
    } catch (TelegramApiException e) {
      throw classify(method.getMethod(), e);
    } catch (RuntimeException e) {
      throw new BotApiException(
          BotApiException.Kind.TRANSIENT, 0, 0, method.getMethod() + ": " + describe(e));
    }
  }

  private BotApiException classify(String method, TelegramApiException e) {
    if (e instanceof TelegramApiValidationException) {
      return new BotApiException(
          BotApiException.Kind.REJECTED, 0, 0, method + ": invalid request: " + describe(e));
    }
    if (e instanceof TelegramApiRequestException r
        && r.getApiResponse() != null
        && r.getErrorCode() != null) {
      int code = r.getErrorCode();
      int retryAfter =
          r.getParameters() != null && r.getParameters().getRetryAfter() != null
              ? r.getParameters().getRetryAfter()
              : 0;
      BotApiException.Kind kind;
      if (code == 429) {
        kind = BotApiException.Kind.RATE_LIMITED;
        retryAfter = Math.max(retryAfter, 1);
      } else if (code == 401) {
        kind = BotApiException.Kind.UNAUTHORIZED;
      } else if (code == 403) {
        kind = BotApiException.Kind.FORBIDDEN;
      } else if (code >= 500 || code == 409) {
        kind = BotApiException.Kind.TRANSIENT;
      } else {
        kind = BotApiException.Kind.REJECTED;
      }
      return new BotApiException(
          kind, code, retryAfter, redact(method + ": [" + code + "] " + r.getApiResponse()));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return new BotApiException(
            BotApiException.Kind.INTERRUPTED, 0, 0, method + ": interrupted");
      }
    }
    return new BotApiException(BotApiException.Kind.TRANSIENT, 0, 0, method + ": " + describe(e));
  }

  /**
   * What went wrong, redacted: the outermost I/O failure if there is one (the library's own
   * wrappers say only "Unable to execute"), else the exception itself.
   */
  private String describe(Throwable e) {
    Throwable shown = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException) {
        shown = t;
        break;
      }
    }
    String text = shown.getClass().getSimpleName();
    if (shown.getMessage() != null) {
      text += ": " + shown.getMessage();
    }
    Throwable root = shown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != shown && root.getMessage() != null && !text.contains(root.getMessage())) {
      text += " (" + root.getMessage() + ")";
    }
    return redact(text);
  }

  @Override
  public void close() {
    for (OkHttpClient http : List.of(pollHttp, sendHttp)) {
      http.dispatcher().cancelAll();
      ExecutorService executor = http.dispatcher().executorService();
      executor.shutdownNow();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sendHttp.connectionPool().evictAll();
  }

  private static Dispatcher dispatcher(String name) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    return dispatcher;
  }
}
