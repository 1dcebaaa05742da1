package app.essayqa.generate;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One OpenAI-compatible chat endpoint, asked with {@code stream: true}. LangChain4j speaks the wire
 * format; this class adds what it leaves to the caller: a deadline on the whole reply (its timeout
 * bounds the wait for the first bytes, not a slow trickle of tokens), tokens handed to the asking
 * thread rather than the HTTP client's, and every failure turned into a {@link ModelFault}.
 * Thread-safe: each call has its own queue.
 */
final class ChatClient {
  private final LlmSettings settings;
  private final StreamingChatModel model;

  ChatClient(LlmSettings settings) {
    this.settings = settings;
    this.model =
        OpenAiStreamingChatModel.builder()
            .baseUrl(settings.baseUrl())
            .apiKey(settings.apiKey().orElse(null))
            .modelName(settings.model())
            .temperature(settings.temperature())
            .maxTokens(settings.maxTokens())
            .timeout(settings.timeout())
            // Request and response logging would put the Authorization header in the log.
            .logRequests(false)
            .logResponses(false)
            .build();
  }

  /**
   * A whole reply, as the server counted it.
   *
   * @param tokensIn 0 when the server sent no usage
   */
  record Reply(String text, int tokensIn, int tokensOut, long latencyMs) {}

  /** What the HTTP client's thread hands over: a piece of text, the end, or the failure. */
  private record Event(String token, ChatResponse done, Throwable error) {}

  /**
   * Sends {@code messages} and waits at most {@code budgetMs} for the whole reply, passing each
   * piece of text to {@code tokens} on the calling thread as it arrives.
   *
   * @throws ModelFault when the server cannot be reached, refuses, fails, stalls or sends nonsense
   */
  Reply chat(List<ChatMessage> messages, long budgetMs, Consumer<String> tokens) {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MILLISECONDS.toNanos(Math.max(1, budgetMs));
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    try {
      model.chat(
          ChatRequest.builder().messages(messages).build(),
          new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
              handle.set(context.streamingHandle());
              if (abandoned.get()) {
                context.streamingHandle().cancel();
              } else if (partial.text() != null) {
                events.add(new Event(partial.text(), null, null));
              }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
              events.add(new Event(null, response, null));
            }

            @Override
            public void onError(Throwable error) {
              events.add(new Event(null, null, error));
            }
          });
      StringBuilder text = new StringBuilder();
      while (true) {
        long left = deadline - System.nanoTime();
        Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
        if (event == null) {
          throw ModelFault.timeout(settings);
        }
        if (event.error() != null) {
          throw ModelFault.of(event.error(), settings);
        }
        if (event.token() != null) {
          text.append(event.token());
          tokens.accept(event.token());
          continue;
        }
        String whole = whole(event.done(), text);
        if (whole.isBlank()) {
          throw ModelFault.empty();
        }
        TokenUsage usage = event.done().tokenUsage();
        return new Reply(
            whole,
            usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
            usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ModelFault.timeout(settings);
    } catch (ModelFault fault) {
      throw fault;
    } catch (RuntimeException e) {
      throw ModelFault.of(e, settings);
    } finally {
      // A reply that outlived its deadline is not read further: stop the server writing it.
      abandoned.set(true);
      StreamingHandle h = handle.get();
      if (h != null && !h.isCancelled()) {
        h.cancel();
      }
    }
  }

  private static String whole(ChatResponse done, StringBuilder streamed) {
    String text = done.aiMessage() == null ? null : done.aiMessage().text();
    return text != null && !text.isEmpty() ? text : streamed.toString();
  }

  LlmSettings settings() {
    return settings;
  }
}
