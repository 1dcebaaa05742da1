package app.essayqa.generate;

import app.essayqa.answer.Answer;
import app.essayqa.answer.AnswerComposer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.Composed;
import app.essayqa.answer.ExtractiveAnswerComposer;
import app.essayqa.answer.Generation;
import app.essayqa.answer.SentenceStream;
import app.essayqa.retrieve.ScoredPassage;
import dev.langchain4j.data.message.ChatMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a language model writing from the top passages, and shows only what checks out:
 * every sentence must cite a passage it was given and quote it verbatim ({@link CitationCheck}). A
 * sentence that fails is dropped; when none is left the model is asked once more with the problems
 * listed; when that fails too, or the model cannot be reached, answers late or sends nonsense, the
 * extractive answer is shown with a one-line note. The sources are always the verbatim passages
 * with their locators, built by the extractive composer. Thread-safe.
 */
public final class LlmAnswerComposer implements AnswerComposer {
  private static final Logger LOG = LoggerFactory.getLogger(LlmAnswerComposer.class);

  /**
   * Passages given to the model: more than the extractive answer quotes, so that it can combine
   * two, few enough that a small local model keeps them all in view.
   */
  static final int PASSAGES_GIVEN = 5;

  /**
   * How long the model is left alone after it answered 429. LangChain4j 1.19 hands over the status
   * and body of a failed response, not its headers, so Retry-After cannot be read; a pause of the
   * usual per-minute window's half keeps every question from knocking on a closed door.
   */
  static final long DEFAULT_PAUSE_MS = 30_000;

  private final ExtractiveAnswerComposer extractive;
  private final ChatClient client;
  private final long pauseAfterRateLimitMs;
  private volatile long pausedUntilNanos = System.nanoTime();

  public LlmAnswerComposer(ExtractiveAnswerComposer extractive, LlmSettings settings) {
    this(extractive, new ChatClient(settings), DEFAULT_PAUSE_MS);
  }

  LlmAnswerComposer(ExtractiveAnswerComposer extractive, ChatClient client, long pauseMs) {
    this.extractive = extractive;
    this.client = client;
    this.pauseAfterRateLimitMs = pauseMs;
  }

  @Override
  public Composed compose(String question, List<ScoredPassage> ranked, List<String> contentTerms) {
    return compose(question, ranked, contentTerms, List.of(), SentenceStream.NONE);
  }

  @Override
  public Composed compose(
      String question,
      List<ScoredPassage> ranked,
      List<String> contentTerms,
      List<Answer> earlier,
      SentenceStream stream) {
    LlmSettings settings = client.settings();
    long deadline =
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeout().toMillis());
    Tally tally = new Tally(settings.model(), question);
    long pausedFor = TimeUnit.NANOSECONDS.toMillis(pausedUntilNanos - System.nanoTime());
    if (pausedFor > 0) {
      return fallback(
          ranked,
          contentTerms,
          tally,
          "the model server is rate-limiting requests (HTTP 429); asking again in "
              + (pausedFor + 999) / 1000
              + " s");
    }
    List<ScoredPassage> given = distinct(ranked, PASSAGES_GIVEN);
    List<Citation> citations = new ArrayList<>();
    for (ScoredPassage sp : given) {
      citations.add(extractive.cite(citations.size() + 1, sp));
    }
    CitationCheck check = new CitationCheck(given.stream().map(sp -> sp.passage().text()).toList());
    try {
      long r0 = System.nanoTime();
      StandaloneQuestion.Rewritten rewritten;
      try {
        rewritten = StandaloneQuestion.rewrite(client, question, earlier, left(deadline));
      } finally {
        tally.waited(r0);
      }
      if (rewritten.reply() != null) {
        tally.call(rewritten.reply());
      }
      tally.question = rewritten.question();
      List<ChatMessage> messages = GroundedPrompt.messages(rewritten.question(), earlier, given);
      for (int attempt = 1; ; attempt++) {
        SentenceBuffer buffer = new SentenceBuffer(check, stream);
        tally.attempts++;
        long c0 = System.nanoTime();
        ChatClient.Reply reply;
        try {
          reply = client.chat(messages, left(deadline), buffer::add);
        } finally {
          tally.waited(c0);
        }
        tally.call(reply);
        buffer.finish();
        tally.checked(buffer);
        if (buffer.declined()) {
          return new Composed("", citations, true, Optional.of(tally.generation(Optional.empty())));
        }
        if (!buffer.kept().isEmpty()) {
          String text = String.join(" ", buffer.kept());
          return new Composed(
              text, citations, false, Optional.of(tally.generation(Optional.empty())));
        }
        if (attempt == 2) {
          return fallback(
              ranked,
              contentTerms,
              tally,
              "twice, no sentence of it passed the citation check: "
                  + buffer.failures().get(0).userWords());
        }
        messages = GroundedPrompt.retry(messages, reply.text(), buffer.problems());
      }
    } catch (ModelFault fault) {
      if (fault.kind() == ModelFault.Kind.RATE_LIMITED) {
        pausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseAfterRateLimitMs);
      }
      LOG.debug("llm: {} ({})", fault.getMessage(), fault.kind());
      return fallback(ranked, contentTerms, tally, fault.getMessage());
    }
  }

  private Composed fallback(
      List<ScoredPassage> ranked, List<String> contentTerms, Tally tally, String why) {
    Composed quoted = extractive.compose(ranked, contentTerms);
    return new Composed(
        quoted.text(), quoted.citations(), false, Optional.of(tally.generation(Optional.of(why))));
  }

  private static long left(long deadlineNanos) {
    long ms = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (ms <= 0) {
      throw new ModelFault(ModelFault.Kind.TIMEOUT, "no reply within llm.timeout");
    }
    return ms;
  }

  /** The first {@code limit} passages, skipping any whose sentence repeats one already taken. */
  private static List<ScoredPassage> distinct(List<ScoredPassage> ranked, int limit) {
    List<ScoredPassage> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ScoredPassage sp : ranked) {
      if (result.size() < limit && seen.add(sp.passage().text().strip())) {
        result.add(sp);
      }
    }
    return result;
  }

  /** What one answer's model calls and checks added up to. Mutable, one per answer. */
  private static final class Tally {
    private final String model;
    private String question;
    private int attempts;
    private int citations;
    private int verified;
    private int quotes;
    private final List<String> dropped = new ArrayList<>();
    private int tokensIn;
    private int tokensOut;
    private long modelNanos;
    private long checkNanos;

    Tally(String model, String question) {
      this.model = model;
      this.question = question;
    }

    void call(ChatClient.Reply reply) {
      tokensIn += reply.tokensIn();
      tokensOut += reply.tokensOut();
    }

    /** Time spent in a model call, counted whether it answered or failed. */
    void waited(long sinceNanos) {
      modelNanos += System.nanoTime() - sinceNanos;
    }

    void checked(SentenceBuffer buffer) {
      citations += buffer.citations();
      verified += buffer.verified();
      quotes += buffer.quotes();
      dropped.addAll(buffer.dropped());
      checkNanos += buffer.checkNanos();
    }

    Generation generation(Optional<String> fallback) {
      return new Generation(
          model,
          question,
          attempts,
          citations,
          verified,
          quotes,
          dropped,
          tokensIn,
          tokensOut,
          TimeUnit.NANOSECONDS.toMillis(modelNanos),
          TimeUnit.NANOSECONDS.toMicros(checkNanos),
          fallback);
    }
  }
}
