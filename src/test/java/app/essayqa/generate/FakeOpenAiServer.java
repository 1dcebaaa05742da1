package app.essayqa.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat server on 127.0.0.1, for tests: {@code POST /v1/chat/completions}
 * answered from a script, as JSON or, for {@code stream: true}, as server-sent events chunk by
 * chunk with the usage in the last one, the way OpenAI, Ollama and llama.cpp send them. Records
 * every request it gets.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One scripted reply. */
  public sealed interface Reply {}

  /** 200 with the given text, streamed word by word with {@code pauseMs} between chunks. */
  public record Text(String text, long pauseMs) implements Reply {}

  /** An error status with an OpenAI-style error body and optional Retry-After. */
  public record Status(int code, String message, String retryAfter) implements Reply {}

  /** Waits {@code delayMs} before sending anything. */
  public record Silent(long delayMs) implements Reply {}

  /** 200 whose JSON (or event data) is cut off. */
  public record Malformed() implements Reply {}

  /** A recorded request: its JSON body and Authorization header. */
  public record Request(JsonNode body, String authorization) {
    /** The text of every message, system, user and assistant, in order. */
    public List<String> messages() {
      return body.path("messages").findValuesAsText("content");
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<Request, String> otherwise;

  public FakeOpenAiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newCachedThreadPool(r -> new Thread(r, "fake-openai-" + n.incrementAndGet()));
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public FakeOpenAiServer then(Reply reply) {
    script.add(reply);
    return this;
  }

  public FakeOpenAiServer thenText(String text) {
    return then(new Text(text, 0));
  }

  /** Once the script is used up, replies to each request with what {@code reply} makes of it. */
  public FakeOpenAiServer otherwise(Function<Request, String> reply) {
    this.otherwise = reply;
    return this;
  }

  public List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = MAPPER.readTree(exchange.getRequestBody());
      Request request = new Request(body, exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(request);
      Reply reply = script.poll();
      if (reply == null && otherwise != null) {
        reply = new Text(otherwise.apply(request), 0);
      }
      if (reply == null) {
        reply = new Status(500, "the test scripted no reply", null);
      }
      boolean stream = body.path("stream").asBoolean(false);
      String model = body.path("model").asText();
      if (reply instanceof Status s) {
        if (s.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", s.retryAfter());
        }
        ObjectNode error = MAPPER.createObjectNode();
        error.putObject("error").put("message", s.message()).put("type", "error");
        send(exchange, s.code(), "application/json", MAPPER.writeValueAsString(error));
      } else if (reply instanceof Silent s) {
        sleep(s.delayMs());
        send(exchange, 200, "application/json", completion(model, "Too late [1]."));
      } else if (reply instanceof Malformed) {
        send(
            exchange,
            200,
            stream ? "text/event-stream" : "application/json",
            stream ? "data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\n\n" : "{\"id\":");
      } else if (reply instanceof Text t) {
        if (stream) {
          stream(exchange, model, t);
        } else {
          send(exchange, 200, "application/json", completion(model, t.text()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away (a timeout in the test): nothing to answer.
    }
  }

  private void stream(HttpExchange exchange, String model, Text t) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    String id = "chatcmpl-" + ids.incrementAndGet();
    String[] words = t.text().split("(?<= )");
    boolean firstChunk = true;
    for (String word : words) {
      ObjectNode chunk = chunk(id, model);
      ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0).putObject("delta");
      if (firstChunk) {
        delta.put("role", "assistant");
        firstChunk = false;
      }
      delta.put("content", word);
      event(out, MAPPER.writeValueAsString(chunk));
      sleep(t.pauseMs());
    }
    ObjectNode last = chunk(id, model);
    last.withArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", "stop")
        .putObject("delta");
    event(out, MAPPER.writeValueAsString(last));
    ObjectNode usage = chunk(id, model);
    usage.putArray("choices");
    usage
        .putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", words.length)
        .put("total_tokens", 120 + words.length);
    event(out, MAPPER.writeValueAsString(usage));
    event(out, "[DONE]");
  }

  private static ObjectNode chunk(String id, String model) {
    ObjectNode chunk = MAPPER.createObjectNode();
    chunk
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", 1)
        .put("model", model);
    return chunk;
  }

  private static void event(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String completion(String model, String text) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", "chatcmpl-1")
        .put("object", "chat.completion")
        .put("created", 1)
        .put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", text);
    root.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 9)
        .put("total_tokens", 129);
    return MAPPER.writeValueAsString(root);
  }

  private static void send(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
