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

  /**
   * What to do with one call instead of answering it normally.
   *
   * @param carryOut whether the call takes effect (a message is sent) as Telegram would
   * @param respond whether a response goes back; if not, the connection drops
   * @param then run after the call took effect (and was answered, if it was), before the connection
   *     closes: a test kills the bot here
   */
  private record Fault(
      int code,
      String description,
      int retryAfter,
      CountDownLatch hold,
      boolean carryOut,
      boolean respond,
      Runnable then) {}

  /** A response ready to go: HTTP status and body. */
  private record Reply(int status, JsonNode body) {}

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

  /** Inline query id to when it was sent; removed once answered. */
  private final Map<String, Long> openInlineQueries = new HashMap<>();

  private final Set<String> answeredInlineQueries = new HashSet<>();

  /** How long Telegram takes an answer to an inline query (it drops the query after seconds). */
  static final Duration INLINE_QUERY_LIFETIME = Duration.ofSeconds(10);

  private int nextUpdateId = 5000;
  private int nextMessageId = 1;
  private long confirmed;
  private long polls;
  private boolean revoked;
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

  /** A photo with a caption, as a user sends it from the gallery. */
  synchronized Incoming userSendsPhoto(long chatId, String caption) {
    ObjectNode message = message(chatId, Math.abs(chatId), null);
    ObjectNode photo = message.putArray("photo").addObject();
    photo.put("file_id", "ph1").put("file_unique_id", "p1").put("width", 640).put("height", 480);
    if (caption != null) {
      message.put("caption", caption);
    }
    return addUpdate("message", message, chatId);
  }

  /**
   * An update whose {@code field} holds {@code payload} as given, however malformed; its chat is
   * {@code chatId} for the test's bookkeeping.
   */
  synchronized Incoming rawUpdate(String field, ObjectNode payload, long chatId) {
    return addUpdate(field, payload, chatId);
  }

  /** A message payload in the shape Telegram sends, for tests to break. */
  synchronized ObjectNode messagePayload(long chatId, String text) {
    ObjectNode message = message(chatId, Math.abs(chatId), null);
    message.put("text", text);
    return message;
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

  /** A user types {@code @bot query} in some chat: an {@code inline_query}, answerable once. */
  synchronized Incoming userTypesInline(long userId, String query) {
    ObjectNode q = json.createObjectNode();
    String id = "iq" + nextUpdateId;
    q.put("id", id);
    q.set("from", user(userId));
    q.put("query", query).put("offset", "").put("chat_type", "supergroup");
    openInlineQueries.put(id, System.nanoTime());
    return addUpdate("inline_query", q, userId);
  }

  /** The inline query an update carried, as the bot must name it in {@code answerInlineQuery}. */
  static String inlineQueryId(Incoming q) {
    return "iq" + q.updateId();
  }

  /** A user picks result {@code resultId} of an inline query: {@code chosen_inline_result}. */
  synchronized Incoming userChoosesInline(long userId, String resultId, String query) {
    ObjectNode c = json.createObjectNode();
    c.put("result_id", resultId);
    c.set("from", user(userId));
    c.put("query", query);
    return addUpdate("chosen_inline_result", c, userId);
  }

  /** Makes every inline query asked so far too old to answer, as time does. */
  synchronized void expireInlineQueries() {
    openInlineQueries.replaceAll((id, at) -> at - INLINE_QUERY_LIFETIME.toNanos() - 1);
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
    queue(method).add(new Fault(code, description, retryAfter, null, false, true, null));
  }

  /** The next call of {@code method} is dropped before Telegram does anything with it. */
  synchronized void dropNext(String method) {
    queue(method).add(new Fault(0, null, 0, null, false, false, null));
  }

  /** The next call of {@code method} waits until the latch opens, then its connection drops. */
  synchronized CountDownLatch holdNext(String method) {
    CountDownLatch latch = new CountDownLatch(1);
    queue(method).add(new Fault(0, null, 0, latch, false, false, null));
    return latch;
  }

  /**
   * The next call of {@code method} takes effect (a message reaches the user), then its connection
   * drops with no response: the one case a bot cannot tell from a failure.
   */
  synchronized void acceptThenDropNext(String method) {
    queue(method).add(new Fault(0, null, 0, null, true, false, null));
  }

  /**
   * The next call of {@code method} takes effect, then {@code action} runs (a test kills the bot)
   * before any response goes back.
   */
  synchronized void acceptThenNext(String method, Runnable action) {
    queue(method).add(new Fault(0, null, 0, null, true, false, action));
  }

  /** The next call of {@code method} takes effect and is answered, then {@code action} runs. */
  synchronized void respondThenNext(String method, Runnable action) {
    queue(method).add(new Fault(0, null, 0, null, true, true, action));
  }

  /** From now on the token is refused with 401, as when its owner revokes it in @BotFather. */
  synchronized void revokeToken() {
    revoked = true;
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

  /** Waits (bounded) until a poll has confirmed every update before {@code offset}. */
  synchronized void awaitConfirmed(long offset, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (confirmed < offset) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "waited " + max + " for offset " + offset + " to be confirmed, got " + confirmed);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits (bounded) for anything to be sent or called; returns how many items were sent. */
  synchronized int awaitChange(int seen, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (sent.size() == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return sent.size();
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
        respond(exchange, error(404, "Not Found", 0));
        return;
      }
      String token = path.substring(4, slash);
      String method = path.substring(slash + 1).toLowerCase(Locale.ROOT);
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] bytes = in.readAllBytes();
        body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
      }
      Fault fault;
      boolean authorized;
      synchronized (this) {
        authorized = TOKEN.equals(token) && !revoked;
        if (authorized) {
          calls.merge(method, 1, Integer::sum);
          notifyAll();
        }
        Deque<Fault> queued = faults.get(method);
        fault = !authorized || queued == null ? null : queued.peek();
        if (fault != null && fault.carryOut() && method.equals("getupdates")) {
          fault = null; // taken by the first reply that holds updates, below
        } else if (fault != null) {
          queued.poll();
        }
      }
      if (!authorized) {
        respond(exchange, error(401, "Unauthorized", 0));
        return;
      }
      if (fault != null && !fault.carryOut()) {
        if (fault.hold() != null) {
          try {
            fault.hold().await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (fault.respond()) {
          respond(exchange, error(fault.code(), fault.description(), fault.retryAfter()));
        }
        return; // closing the exchange without a response drops the connection
      }
      Reply reply =
          switch (method) {
            case "getme" -> ok(user(BOT_ID).put("can_join_groups", true));
            case "getupdates" -> getUpdates(body);
            case "sendmessage", "editmessagetext" -> send(method, body);
            case "answerinlinequery" -> answerInline(body);
            case "answercallbackquery", "sendchataction", "setmycommands" -> {
              record(method, body.path("chat_id").asLong(0), 0, null, null, null, null, body);
              yield ok(json.getNodeFactory().booleanNode(true));
            }
            default -> error(404, "Not Found: method not found", 0);
          };
      if (method.equals("getupdates") && !reply.body().path("result").isEmpty()) {
        synchronized (this) {
          Fault next = queue(method).peek();
          if (next != null && next.carryOut()) {
            fault = queue(method).poll();
          }
        }
      }
      if (fault == null || fault.respond()) {
        if (reply.status() == 200 && method.equals("sendmessage") && !sendResponseDelay.isZero()) {
          try {
            Thread.sleep(sendResponseDelay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        respond(exchange, reply);
      }
      if (fault != null && fault.then() != null) {
        fault.then().run();
      }
    } catch (RuntimeException e) {
      throw new IOException(e);
    }
  }

  /**
   * Long-polls like Telegram: a poll confirms every update below its offset, and a newer poll ends
   * one still waiting with 409 Conflict, as when two bots poll with one token.
   */
  private Reply getUpdates(JsonNode body) {
    long offset = body.path("offset").asLong(0);
    long timeoutMs = body.path("timeout").asLong(0) * 1000;
    int limit = body.path("limit").asInt(100);
    Set<String> allowed = new HashSet<>();
    body.path("allowed_updates").forEach(a -> allowed.add(a.asText()));
    ArrayNode result = json.createArrayNode();
    synchronized (this) {
      long poll = ++polls;
      notifyAll();
      if (offset > 0) {
        confirmed = Math.max(confirmed, offset);
      }
      long from = Math.max(offset, confirmed);
      long deadline = System.nanoTime() + timeoutMs * 1_000_000;
      while (!closed) {
        if (polls != poll) {
          return error(
              409,
              "Conflict: terminated by other getUpdates request; make sure that only one bot"
                  + " instance is running",
              0);
        }
        for (ObjectNode u : updates) {
          // Telegram leaves out (and so confirms) the kinds a bot did not ask for.
          boolean wanted = allowed.isEmpty() || allowed.stream().anyMatch(u::has);
          if (u.path("update_id").asLong() >= from && result.size() < limit && wanted) {
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
    return ok(result);
  }

  private Reply send(String method, JsonNode body) {
    long chatId = body.path("chat_id").asLong();
    String text = body.path("text").asText("");
    String plain = text;
    if ("HTML".equalsIgnoreCase(body.path("parse_mode").asText())) {
      try {
        plain = TelegramHtml.plainText(text);
      } catch (TelegramHtml.InvalidHtml e) {
        return error(400, "Bad Request: " + e.getMessage(), 0);
      }
    }
    if (plain.isBlank()) {
      return error(400, "Bad Request: message text is empty", 0);
    }
    if (plain.length() > 4096) {
      return error(400, "Bad Request: message is too long", 0);
    }
    JsonNode markup = body.get("reply_markup");
    if (markup != null) {
      for (JsonNode row : markup.path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (button.path("callback_data").asText().getBytes(StandardCharsets.UTF_8).length > 64) {
            return error(400, "Bad Request: BUTTON_DATA_INVALID", 0);
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
        return error(403, "Forbidden: bot was blocked by the user", 0);
      }
      if (replyTo != null
          && !messageAuthors.containsKey(replyTo)
          && !body.path("reply_parameters").path("allow_sending_without_reply").asBoolean()) {
        return error(400, "Bad Request: message to be replied not found", 0);
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
    return ok(message);
  }

  /**
   * Checks an {@code answerInlineQuery} as Telegram does: a live query answered once, at most 50
   * results with unique ids of 1 to 64 bytes, each article with a title and a message text that is
   * non-empty, within 4,096 characters and valid HTML.
   */
  private Reply answerInline(JsonNode body) {
    String id = body.path("inline_query_id").asText("");
    JsonNode results = body.path("results");
    if (!results.isArray()) {
      return error(400, "Bad Request: results must be an array", 0);
    }
    if (results.size() > 50) {
      return error(400, "Bad Request: RESULTS_TOO_MUCH", 0);
    }
    Set<String> ids = new HashSet<>();
    for (JsonNode r : results) {
      String rid = r.path("id").asText("");
      int bytes = rid.getBytes(StandardCharsets.UTF_8).length;
      if (bytes == 0 || bytes > 64) {
        return error(400, "Bad Request: RESULT_ID_INVALID", 0);
      }
      if (!ids.add(rid)) {
        return error(400, "Bad Request: RESULT_ID_DUPLICATE", 0);
      }
      if (!"article".equals(r.path("type").asText()) || r.path("title").asText("").isBlank()) {
        return error(400, "Bad Request: RESULT_TITLE_EMPTY", 0);
      }
      JsonNode content = r.path("input_message_content");
      String text = content.path("message_text").asText("");
      String plain = text;
      if ("HTML".equalsIgnoreCase(content.path("parse_mode").asText())) {
        try {
          plain = TelegramHtml.plainText(text);
        } catch (TelegramHtml.InvalidHtml e) {
          return error(400, "Bad Request: " + e.getMessage(), 0);
        }
      }
      if (plain.isBlank()) {
        return error(400, "Bad Request: MESSAGE_EMPTY", 0);
      }
      if (plain.length() > 4096) {
        return error(400, "Bad Request: MESSAGE_TOO_LONG", 0);
      }
    }
    synchronized (this) {
      Long at = openInlineQueries.get(id);
      if (at == null
          || answeredInlineQueries.contains(id)
          || System.nanoTime() - at > INLINE_QUERY_LIFETIME.toNanos()) {
        return error(
            400,
            "Bad Request: query is too old and response timeout expired or query ID is invalid",
            0);
      }
      answeredInlineQueries.add(id);
      record("answerinlinequery", 0, 0, null, null, null, null, body);
    }
    return ok(json.getNodeFactory().booleanNode(true));
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

  private Reply ok(JsonNode result) {
    ObjectNode reply = json.createObjectNode();
    reply.put("ok", true);
    reply.set("result", result);
    return new Reply(200, reply);
  }

  private Reply error(int code, String description, int retryAfter) {
    ObjectNode reply = json.createObjectNode();
    reply.put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter > 0) {
      reply.putObject("parameters").put("retry_after", retryAfter);
    }
    return new Reply(code, reply);
  }

  private void respond(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = json.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
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
