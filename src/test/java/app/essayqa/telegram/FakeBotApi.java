package app.essayqa.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Bot API server on 127.0.0.1 for tests: JSON POSTs to {@code /bot<token>/<method>} (method names
 * in any case), long-polled {@code getUpdates} with offset confirmation, Telegram's error shape,
 * and the checks Telegram makes on what a bot sends (HTML, length, button data). Faults can be
 * queued per method: an error reply, a dropped connection, or a request held until released.
 */
final class FakeBotApi implements AutoCloseable {
  static final String TOKEN = "4242424242:FAKE-secret_Token-value";
  static final long BOT_ID = 999_000;
  static final String BOT_USERNAME = "essay_qa_bot";

  /** What the bot sent: a message, an edit, a callback answer, a chat action. */
  record Sent(
      String method,
      long chatId,
      int messageId,
      String html,
      String plain,
      Integer replyTo,
      JsonNode markup,
      JsonNode body,
      long atNanos) {
    List<String> buttonData() {
      List<String> data = new ArrayList<>();
      if (markup != null) {
        markup
            .path("inline_keyboard")
            .forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
      }
      return data;
    }
  }

  /** A message a user sent, with the update that carried it. */
  record Incoming(int updateId, int messageId, long chatId, long createdNanos) {}

  private record Fault(
      int code, String description, int retryAfter, boolean drop, CountDownLatch hold) {}

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<ObjectNode> updates = new ArrayList<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Map<Integer, Long> messageAuthors = new HashMap<>();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private volatile Duration sendResponseDelay = Duration.ZERO;
  private final Map<String, Integer> calls = new HashMap<>();
  private final Set<Long> blockedChats = new HashSet<>();
  private int nextUpdateId = 5000;
  private int nextMessageId = 1;
  private long confirmed;
  private boolean closed;

  FakeBotApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-bot-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- what users do

  synchronized Incoming userSays(long chatId, long userId, String text, Integer replyTo) {
    ObjectNode message = message(chatId, userId, replyTo);
    if (text != null) {
      message.put("text", text);
    } else {
      ObjectNode sticker = message.putObject("sticker");
      sticker.put("file_id", "st1").put("file_unique_id", "u1").put("type", "regular");
      sticker.put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
    }
    return addUpdate("message", message, chatId);
  }

  synchronized Incoming userSays(long chatId, String text) {
    return userSays(chatId, Math.abs(chatId), text, null);
  }

  synchronized Incoming pressButton(long chatId, long userId, int messageId, String data) {
    ObjectNode query = json.createObjectNode();
    query.put("id", "cb" + nextUpdateId);
    query.set("from", user(userId));
    query.put("chat_instance", "ci" + chatId);
    query.put("data", data);
    ObjectNode message = json.createObjectNode();
    message.put("message_id", messageId).put("date", 1_700_000_000);
    message.set("chat", chat(chatId));
    message.set("from", user(BOT_ID));
    message.put("text", "…");
    query.set("message", message);
    return addUpdate("callback_query", query, chatId);
  }

  private ObjectNode message(long chatId, long userId, Integer replyTo) {
    ObjectNode message = json.createObjectNode();
    int id = nextMessageId++;
    messageAuthors.put(id, userId);
    message.put("message_id", id).put("date", 1_700_000_000);
    message.set("from", user(userId));
    message.set("chat", chat(chatId));
    if (replyTo != null) {
      ObjectNode original = json.createObjectNode();
      original.put("message_id", replyTo).put("date", 1_700_000_000);
      original.set("from", user(messageAuthors.getOrDefault(replyTo, userId)));
      original.set("chat", chat(chatId));
      original.put("text", "…");
      message.set("reply_to_message", original);
    }
    return message;
  }

  private Incoming addUpdate(String field, ObjectNode payload, long chatId) {
    ObjectNode update = json.createObjectNode();
    int id = nextUpdateId++;
    update.put("update_id", id);
    update.set(field, payload);
    updates.add(update);
    notifyAll();
    return new Incoming(id, payload.path("message_id").asInt(0), chatId, System.nanoTime());
  }

  private ObjectNode user(long id) {
    ObjectNode user = json.createObjectNode();
    user.put("id", id)
        .put("is_bot", id == BOT_ID)
        .put("first_name", id == BOT_ID ? "Essay QA" : "User" + id);
    user.put("username", id == BOT_ID ? BOT_USERNAME : "user" + id);
    return user;
  }

  private ObjectNode chat(long chatId) {
    ObjectNode chat = json.createObjectNode();
    chat.put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup");
    if (chatId < 0) {
      chat.put("title", "Reading group");
    }
    return chat;
  }

  // ---- faults

  synchronized void failNext(String method, int code, String description, int retryAfter) {
    queue(method).add(new Fault(code, description, retryAfter, false, null));
  }

  synchronized void dropNext(String method) {
    queue(method).add(new Fault(0, null, 0, true, null));
  }

  /** The next call of {@code method} waits until the latch opens, then its connection drops. */
  synchronized CountDownLatch holdNext(String method) {
    CountDownLatch latch = new CountDownLatch(1);
    queue(method).add(new Fault(0, null, 0, true, latch));
    return latch;
  }

  /**
   * Telegram's response to each sendMessage comes this late, after the message is already visible
   * to the test (as it would be in the user's app).
   */
  void delaySendResponses(Duration delay) {
    sendResponseDelay = delay;
  }

  synchronized void block(long chatId) {
    blockedChats.add(chatId);
  }

  /**
   * As if Telegram had lost the confirmations: every update is delivered again unless a poll
   * confirms it.
   */
  synchronized void forgetConfirmations() {
    confirmed = 0;
  }

  private Deque<Fault> queue(String method) {
    return faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
  }

  // ---- what the bot did

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized int calls(String method) {
    return calls.getOrDefault(method.toLowerCase(Locale.ROOT), 0);
  }

  synchronized long confirmedOffset() {
    return confirmed;
  }

  /** Waits (bounded) until {@code count} sent items match, and returns them in order. */
  synchronized List<Sent> await(Predicate<Sent> match, int count, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      List<Sent> found = sent.stream().filter(match).toList();
      if (found.size() >= count) {
        return found;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "waited "
                + max
                + " for "
                + count
                + " matching items, got "
                + found.size()
                + "; all sent: "
                + describe());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits (bounded) until {@code method} was called at least {@code count} times. */
  synchronized void awaitCalls(String method, int count, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (calls(method) < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "waited " + max + " for " + count + " calls of " + method + ", got " + calls(method));
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  synchronized Sent replyTo(Incoming question, Duration max) throws InterruptedException {
    return await(
            s ->
                s.method().equals("sendmessage")
                    && Integer.valueOf(question.messageId()).equals(s.replyTo()),
            1,
            max)
        .get(0);
  }

  private String describe() {
    StringBuilder out = new StringBuilder();
    for (Sent s : sent) {
      out.append("\n  ")
          .append(s.method())
          .append(" chat ")
          .append(s.chatId())
          .append(" reply-to ")
          .append(s.replyTo())
          .append(": ")
          .append(
              s.plain() == null
                  ? ""
                  : s.plain().substring(0, Math.min(60, s.plain().length())).replace('\n', ' '));
    }
    return out.toString();
  }

  // ---- the server

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      int slash = path.lastIndexOf('/');
      if (!path.startsWith("/bot") || slash <= 4 || !"POST".equals(exchange.getRequestMethod())) {
        error(exchange, 404, "Not Found", 0);
        return;
      }
      String token = path.substring(4, slash);
      String method = path.substring(slash + 1).toLowerCase(Locale.ROOT);
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] bytes = in.readAllBytes();
        body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
      }
      if (!TOKEN.equals(token)) {
        error(exchange, 401, "Unauthorized", 0);
        return;
      }
      Fault fault;
      synchronized (this) {
        calls.merge(method, 1, Integer::sum);
        notifyAll();
        Deque<Fault> queued = faults.get(method);
        fault = queued == null ? null : queued.poll();
      }
      if (fault != null) {
        if (fault.hold() != null) {
          try {
            fault.hold().await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (fault.drop()) {
          return; // closing the exchange without a response drops the connection
        }
        error(exchange, fault.code(), fault.description(), fault.retryAfter());
        return;
      }
      switch (method) {
        case "getme" -> ok(exchange, user(BOT_ID).put("can_join_groups", true));
        case "getupdates" -> getUpdates(exchange, body);
        case "sendmessage", "editmessagetext" -> send(exchange, method, body);
        case "answercallbackquery", "sendchataction", "setmycommands" -> {
          record(method, body.path("chat_id").asLong(0), 0, null, null, null, null, body);
          ok(exchange, json.getNodeFactory().booleanNode(true));
        }
        default -> error(exchange, 404, "Not Found: method not found", 0);
      }
    } catch (RuntimeException e) {
      throw new IOException(e);
    }
  }

  private void getUpdates(HttpExchange exchange, JsonNode body) throws IOException {
    long offset = body.path("offset").asLong(0);
    long timeoutMs = body.path("timeout").asLong(0) * 1000;
    int limit = body.path("limit").asInt(100);
    ArrayNode result = json.createArrayNode();
    synchronized (this) {
      if (offset > 0) {
        confirmed = Math.max(confirmed, offset);
      }
      long from = Math.max(offset, confirmed);
      long deadline = System.nanoTime() + timeoutMs * 1_000_000;
      while (!closed) {
        for (ObjectNode u : updates) {
          if (u.path("update_id").asLong() >= from && result.size() < limit) {
            result.add(u);
          }
        }
        long left = deadline - System.nanoTime();
        if (result.size() > 0 || left <= 0) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    ok(exchange, result);
  }

  private void send(HttpExchange exchange, String method, JsonNode body) throws IOException {
    long chatId = body.path("chat_id").asLong();
    String text = body.path("text").asText("");
    String plain = text;
    if ("HTML".equalsIgnoreCase(body.path("parse_mode").asText())) {
      try {
        plain = TelegramHtml.plainText(text);
      } catch (TelegramHtml.InvalidHtml e) {
        error(exchange, 400, "Bad Request: " + e.getMessage(), 0);
        return;
      }
    }
    if (plain.isBlank()) {
      error(exchange, 400, "Bad Request: message text is empty", 0);
      return;
    }
    if (plain.length() > 4096) {
      error(exchange, 400, "Bad Request: message is too long", 0);
      return;
    }
    JsonNode markup = body.get("reply_markup");
    if (markup != null) {
      for (JsonNode row : markup.path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
            error(exchange, 400, "Bad Request: BUTTON_DATA_INVALID", 0);
            return;
          }
        }
      }
    }
    Integer replyTo =
        body.path("reply_parameters").has("message_id")
            ? body.path("reply_parameters").path("message_id").asInt()
            : null;
    int messageId;
    synchronized (this) {
      if (blockedChats.contains(chatId)) {
        error(exchange, 403, "Forbidden: bot was blocked by the user", 0);
        return;
      }
      if (replyTo != null
          && !messageAuthors.containsKey(replyTo)
          && !body.path("reply_parameters").path("allow_sending_without_reply").asBoolean()) {
        error(exchange, 400, "Bad Request: message to be replied not found", 0);
        return;
      }
      messageId =
          method.equals("editmessagetext") ? body.path("message_id").asInt() : nextMessageId++;
      messageAuthors.put(messageId, BOT_ID);
      record(method, chatId, messageId, text, plain, replyTo, markup, body);
    }
    ObjectNode message = json.createObjectNode();
    message.put("message_id", messageId).put("date", 1_700_000_000);
    message.set("from", user(BOT_ID));
    message.set("chat", chat(chatId));
    message.put("text", plain);
    if (method.equals("sendmessage") && !sendResponseDelay.isZero()) {
      try {
        Thread.sleep(sendResponseDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ok(exchange, message);
  }

  private synchronized void record(
      String method,
      long chatId,
      int messageId,
      String html,
      String plain,
      Integer replyTo,
      JsonNode markup,
      JsonNode body) {
    sent.add(
        new Sent(method, chatId, messageId, html, plain, replyTo, markup, body, System.nanoTime()));
    notifyAll();
  }

  private void ok(HttpExchange exchange, JsonNode result) throws IOException {
    ObjectNode reply = json.createObjectNode();
    reply.put("ok", true);
    reply.set("result", result);
    respond(exchange, 200, reply);
  }

  private void error(HttpExchange exchange, int code, String description, int retryAfter)
      throws IOException {
    ObjectNode reply = json.createObjectNode();
    reply.put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter > 0) {
      reply.putObject("parameters").put("retry_after", retryAfter);
    }
    respond(exchange, code, reply);
  }

  private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
