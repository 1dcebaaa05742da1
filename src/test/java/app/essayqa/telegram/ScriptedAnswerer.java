package app.essayqa.telegram;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.SeedLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@link Answerer} for delivery tests, without the model: it echoes the question, so each answer
 * names the question it answers. A question containing {@code long} gets an answer over Telegram's
 * length limit (two messages, every sentence naming the question), {@code slow} one that takes two
 * seconds, {@code boom} a failure.
 */
final class ScriptedAnswerer implements Answerer {
  static final int LONG_SENTENCES = 120;

  private final Library library = new SeedLoader().load(Path.of("seeds"));
  private final long delayMs;

  ScriptedAnswerer(long delayMs) {
    this.delayMs = delayMs;
  }

  @Override
  public Answer ask(String question, Conversation conversation) {
    pause(question.contains("slow") ? 2000 : delayMs);
    if (question.contains("boom")) {
      throw new IllegalStateException("scripted failure");
    }
    String text;
    if (question.contains("long")) {
      StringBuilder t = new StringBuilder();
      for (int i = 1; i <= LONG_SENTENCES; i++) {
        t.append("About ")
            .append(question)
            .append(", sentence ")
            .append(i)
            .append(" of a long answer. ");
      }
      text = t.toString().strip();
    } else {
      text = "You asked: " + question + (conversation.last().isPresent() ? " (a follow-up)" : "");
    }
    return new Answer(question, text, false, List.of(), List.of(), "scripted", Map.of(), List.of());
  }

  private static void pause(long ms) {
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
  public Library library() {
    return library;
  }

  @Override
  public String indexVersion() {
    return "scripted";
  }

  @Override
  public void close() {}
}
