package app.essayqa.telegram;

import app.essayqa.error.EssayQaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Serializable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * The Bot API over OkHttp, one synchronous call at a time, with failures turned into {@link
 * BotApiException}s that say what to do next and never show the token. TelegramBots provides the
 * method and object types (validation, JSON); the HTTP exchange is ours so that nothing is sent
 * twice behind our back: OkHttp's silent retry on a failed connection is off, and a failure after
 * the request went out is reported as {@link BotApiException.Kind#AMBIGUOUS}, for the caller to
 * decide. Long polls, replies and side calls (typing, button answers) use separate clients, so that
 * stopping can cancel polls without cancelling replies in flight, and a slow side call times out
 * quickly.
 */
final class BotApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BotApi.class);

  /** The longest a reply may take; past it its fate is unknown. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  /** The longest a side call (typing, button answer) may take. */
  static final Duration SIDE_CALL_TIMEOUT = Duration.ofSeconds(5);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /** A raw update from {@code getUpdates}, parsed one by one so one bad update cannot stop all. */
  record RawUpdate(long id, JsonNode json) {}

  private final TokenRedactor redactor;
  private final HttpUrl base;
  private final OkHttpClient sendHttp;
  private final OkHttpClient pollHttp;
  private final OkHttpClient sideHttp;

  BotApi(String token, URI apiUrl, Duration pollTimeout) {
    this.redactor = new TokenRedactor(token);
    this.base = baseUrl(apiUrl).newBuilder().addPathSegment("bot" + token).build();
    this.sendHttp =
        new OkHttpClient.Builder()
            .dispatcher(new Dispatcher())
            .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
            // Replies are not idempotent: OkHttp must never repeat one on its own.
            .retryOnConnectionFailure(false)
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(SEND_TIMEOUT)
            .writeTimeout(SEND_TIMEOUT)
            .callTimeout(SEND_TIMEOUT)
            .build();
    this.pollHttp =
        sendHttp
            .newBuilder()
            .dispatcher(new Dispatcher())
            .connectionPool(new ConnectionPool(1, 1, TimeUnit.MINUTES))
            .readTimeout(pollTimeout.plusSeconds(15))
            .callTimeout(pollTimeout.plusSeconds(25))
            .build();
    this.sideHttp =
        sendHttp
            .newBuilder()
            .dispatcher(new Dispatcher())
            .connectTimeout(SIDE_CALL_TIMEOUT)
            .readTimeout(SIDE_CALL_TIMEOUT)
            .callTimeout(SIDE_CALL_TIMEOUT)
            .build();
  }

  /**
   * The Bot API's base URL from {@code telegram.api-url}: scheme, host and port, no path (a path
   * could hold a token, so the message never repeats it).
   */
  static HttpUrl baseUrl(URI apiUrl) {
    String scheme = apiUrl.getScheme() == null ? "" : apiUrl.getScheme().toLowerCase(Locale.ROOT);
    String host = apiUrl.getHost();
    String path = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
    String problem =
        apiUrl.getScheme() == null
            ? "it has no scheme"
            : !(scheme.equals("http") || scheme.equals("https"))
                ? "its scheme is not http or https"
                : host == null
                    ? "it has no host"
                    : apiUrl.getRawUserInfo() != null
                        ? "it has a user name"
                        : !(path.isEmpty() || path.equals("/"))
                            ? "it has a path"
                            : apiUrl.getRawQuery() != null
                                ? "it has a query"
                                : apiUrl.getRawFragment() != null ? "it has a fragment" : null;
    if (problem != null) {
      // Only the reason and the host: the rest of a URL may hold a token, so it is never repeated.
      throw new EssayQaException(
          "telegram.api-url must look like https://host[:port] with no path; "
              + problem
              + (host == null ? "" : " (host '" + host + "')"));
    }
    int port = apiUrl.getPort() >= 0 ? apiUrl.getPort() : scheme.equals("https") ? 443 : 80;
    return new HttpUrl.Builder().scheme(scheme).host(host).port(port).build();
  }

  /** A reply or other call whose effect matters; never repeated here. */
  <T extends Serializable> T call(BotApiMethod<T> method) throws BotApiException {
    return execute(sendHttp, method);
  }

  /** A call whose loss is harmless (typing, answering a button press), with a short timeout. */
  <T extends Serializable> T sideCall(BotApiMethod<T> method) throws BotApiException {
    return execute(sideHttp, method);
  }

  /**
   * Long-polls for updates from {@code offset}. Each update is returned as raw JSON with its id, to
   * be parsed on its own; an entry without a readable {@code update_id} is logged and left out.
   */
  List<RawUpdate> getUpdates(long offset, int timeoutSeconds, int limit) throws BotApiException {
    ObjectNode body = JSON.createObjectNode();
    body.put("offset", offset).put("timeout", timeoutSeconds).put("limit", limit);
    body.putArray("allowed_updates")
        .add("message")
        .add("callback_query")
        .add("inline_query")
        .add("chosen_inline_result");
    JsonNode result = exchange(pollHttp, "getUpdates", body.toString());
    List<RawUpdate> updates = new ArrayList<>();
    if (!result.isArray()) {
      throw new BotApiException(
          BotApiException.Kind.TRANSIENT, 0, 0, "getUpdates: the result is not a list");
    }
    for (JsonNode update : result) {
      JsonNode id = update.path("update_id");
      if (id.canConvertToLong() && id.isIntegralNumber()) {
        updates.add(new RawUpdate(id.asLong(), update));
      } else {
        LOG.warn("getUpdates: skipping an entry without an update_id");
      }
    }
    return updates;
  }

  /** Ends a long poll in progress; the poller sees a failure and checks whether it should stop. */
  void cancelPolls() {
    pollHttp.dispatcher().cancelAll();
  }

  String redact(String text) {
    return redactor.redact(text);
  }

  private <T extends Serializable> T execute(OkHttpClient http, BotApiMethod<T> method)
      throws BotApiException {
    String name = method.getMethod();
    String body;
    try {
      method.validate();
      body = JSON.writeValueAsString(method);
    } catch (TelegramApiValidationException e) {
      throw new BotApiException(
          BotApiException.Kind.REJECTED,
          0,
          0,
          redact(name + ": invalid request: " + e.getMessage()));
    } catch (IOException e) {
      throw new BotApiException(
          BotApiException.Kind.REJECTED,
          0,
          0,
          redact(name + ": cannot write the request: " + e.getMessage()));
    }
    JsonNode result = exchange(http, name, body);
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("ok", true).set("result", result);
    try {
      return method.deserializeResponse(envelope.toString());
    } catch (TelegramApiException | RuntimeException e) {
      // Telegram carried the call out; only its result is unreadable.
      LOG.warn("{}: cannot read Telegram's result: {}", name, redact(String.valueOf(e)));
      return null;
    }
  }

  /**
   * One POST; returns the {@code result} of an {@code ok} reply, else throws. The classification
   * follows what Telegram can have done: an error reply means it did not carry the call out, a
   * failure before the request went out likewise, anything after it is ambiguous.
   */
  private JsonNode exchange(OkHttpClient http, String method, String json) throws BotApiException {
    Request request =
        new Request.Builder()
            .url(base.newBuilder().addPathSegment(method).build())
            .post(RequestBody.create(json, JSON_TYPE))
            .build();
    Call call = http.newCall(request);
    int status;
    String text;
    try (Response response = call.execute()) {
      status = response.code();
      ResponseBody responseBody = response.body();
      text = responseBody == null ? "" : responseBody.string();
    } catch (IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new BotApiException(BotApiException.Kind.INTERRUPTED, 0, 0, method + ": interrupted");
      }
      BotApiException.Kind kind =
          notSent(e) ? BotApiException.Kind.TRANSIENT : BotApiException.Kind.AMBIGUOUS;
      throw new BotApiException(kind, 0, 0, method + ": " + describe(e));
    }
    JsonNode reply;
    try {
      reply = JSON.readTree(text);
    } catch (IOException e) {
      reply = null;
    }
    if (reply == null || !reply.isObject() || !reply.has("ok")) {
      // A proxy's error page, or a reply cut short. Only an error status says the call failed.
      BotApiException.Kind kind =
          status >= 500 || status == 429
              ? BotApiException.Kind.TRANSIENT
              : BotApiException.Kind.AMBIGUOUS;
      throw new BotApiException(
          kind, status, 0, method + ": HTTP " + status + " with a reply that is not the Bot API's");
    }
    if (reply.path("ok").asBoolean(false)) {
      return reply.path("result");
    }
    int code = reply.path("error_code").asInt(status);
    String description = reply.path("description").asText("");
    int retryAfter = reply.path("parameters").path("retry_after").asInt(0);
    BotApiException.Kind kind;
    if (code == 429) {
      kind = BotApiException.Kind.RATE_LIMITED;
      retryAfter = Math.max(retryAfter, 1);
    } else if (code == 401) {
      kind = BotApiException.Kind.UNAUTHORIZED;
    } else if (code == 403) {
      kind = BotApiException.Kind.FORBIDDEN;
    } else if (code == 409) {
      kind = BotApiException.Kind.CONFLICT;
    } else if (code >= 500) {
      kind = BotApiException.Kind.TRANSIENT;
    } else {
      kind = BotApiException.Kind.REJECTED;
    }
    throw new BotApiException(
        kind, code, retryAfter, redact(method + ": [" + code + "] " + description));
  }

  /** Whether the failure came before any of the request could reach the server. */
  static boolean notSent(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof SSLHandshakeException) {
        return true;
      }
      if (t instanceof SocketTimeoutException
          && t.getMessage() != null
          && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** What went wrong, redacted: the exception and its root cause. */
  private String describe(Throwable e) {
    String text = e.getClass().getSimpleName();
    if (e.getMessage() != null) {
      text += ": " + e.getMessage();
    }
    if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      text = "no response in time";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
      text += " (" + root.getMessage() + ")";
    }
    return redact(text);
  }

  @Override
  public void close() {
    for (OkHttpClient http : List.of(pollHttp, sendHttp, sideHttp)) {
      // Only synchronous calls are made, so the dispatchers never start threads of their own.
      http.dispatcher().cancelAll();
      http.connectionPool().evictAll();
    }
  }
}
