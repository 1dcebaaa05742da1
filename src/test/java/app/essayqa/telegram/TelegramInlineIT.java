package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.EssayQa;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.ShortAnswer;
import app.essayqa.ingest.Library;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Inline mode and answer-first replies, end to end through a fake Bot API on 127.0.0.1. */
class TelegramInlineIT {
  private static final Duration WAIT = BotHarness.WAIT;
  private static final String QUESTION = "What does the essay say about non-traditional security?";
  private static final String FAR_OFF = "How do I bake a chocolate cake with no eggs?";

  private static EssayQa qa;
  private static ListAppender<ILoggingEvent> logs;
  private static Level previousLevel;

  @TempDir Path stateDir;
  private FakeBotApi fake;
  private BotHarness harness;

  @BeforeAll
  static void openFacadeAndCaptureLogs() {
    qa = BotHarness.openFacade();
    Logger logger = (Logger) LoggerFactory.getLogger("app.essayqa.telegram");
    previousLevel = logger.getLevel();
    logger.setLevel(Level.INFO);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterAll
  static void closeFacade() {
    Logger logger = (Logger) LoggerFactory.getLogger("app.essayqa.telegram");
    logger.detachAppender(logs);
    logger.setLevel(previousLevel);
    qa.close();
  }

  @BeforeEach
  void startFake() throws Exception {
    fake = new FakeBotApi();
  }

  @AfterEach
  void stopAll() {
    if (harness != null) {
      harness.close();
    }
    fake.close();
  }

  private BotSettings settings(List<String> allow, int perMinute) {
    BotSettings s = BotHarness.settings(fake, stateDir);
    return new BotSettings(
        s.apiUrl(),
        allow,
        200,
        perMinute,
        s.workers(),
        stateDir,
        s.pollTimeout(),
        s.rates(),
        s.grace());
  }

  private void start(Answerer answerer, BotSettings settings) throws Exception {
    harness = BotHarness.start(answerer, fake, settings);
  }

  private void start() throws Exception {
    start(qa, settings(List.of(), 10));
  }

  /** The one answerInlineQuery sent for {@code q}, once its update is settled. */
  private JsonNode inlineAnswer(FakeBotApi.Incoming q) throws Exception {
    harness.awaitSettled(q);
    List<JsonNode> answers = inlineAnswers(q);
    assertThat(answers).hasSize(1);
    return answers.get(0);
  }

  private List<JsonNode> inlineAnswers(FakeBotApi.Incoming q) {
    return fake.sent().stream()
        .filter(s -> s.method().equals("answerinlinequery"))
        .map(FakeBotApi.Sent::body)
        .filter(b -> b.path("inline_query_id").asText().equals(FakeBotApi.inlineQueryId(q)))
        .toList();
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("results").forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  private static String messageText(JsonNode result) throws Exception {
    return TelegramHtml.plainText(
        result.path("input_message_content").path("message_text").asText());
  }

  @Test
  void should_answer_an_inline_question_with_the_answer_a_private_chat_gets() throws Exception {
    start();

    FakeBotApi.Incoming inline = fake.userTypesInline(201, QUESTION);
    JsonNode answer = inlineAnswer(inline);
    FakeBotApi.Incoming privately = fake.userSays(202, QUESTION);
    FakeBotApi.Sent reply = fake.replyTo(privately, WAIT);

    JsonNode result = answer.path("results").get(0);
    assertThat(answer.path("results")).hasSize(1);
    assertThat(answer.path("cache_time").asInt()).isEqualTo(InlineAnswers.CACHE_SECONDS);
    assertThat(result.path("title").asText()).isNotBlank();
    // The quoted sentence, clipped to a line of the result list.
    assertThat(reply.plain()).contains(result.path("description").asText().replaceAll("…$", ""));
    assertThat(result.path("input_message_content").path("message_text").asText())
        .isEqualTo(reply.html());
    assertThat(
            result
                .path("input_message_content")
                .path("link_preview_options")
                .path("is_disabled")
                .asBoolean())
        .isTrue();
    assertThat(messageText(result)).contains("[1]").contains("Sources");
  }

  @Test
  void should_offer_one_result_saying_the_essay_does_not_answer_a_far_off_question()
      throws Exception {
    start();

    JsonNode answer = inlineAnswer(fake.userTypesInline(203, FAR_OFF));

    assertThat(answer.path("results")).hasSize(1);
    JsonNode result = answer.path("results").get(0);
    assertThat(result.path("title").asText()).isEqualTo("The essay does not answer that");
    assertThat(messageText(result)).doesNotContain("Sources").doesNotContain("[1]");
  }

  @Test
  void should_offer_the_start_examples_for_an_empty_or_half_typed_query() throws Exception {
    CountingAnswerer counting = new CountingAnswerer(qa);
    start(counting, settings(List.of(), 10));
    List<String> examples = new AnswerFormatter(qa.library()).exampleQuestions();

    JsonNode empty = inlineAnswer(fake.userTypesInline(204, ""));
    JsonNode wh = inlineAnswer(fake.userTypesInline(204, "wh"));
    JsonNode twoWords = inlineAnswer(fake.userTypesInline(204, "the project"));

    for (JsonNode answer : List.of(empty, wh, twoWords)) {
      List<String> titles = new ArrayList<>();
      answer.path("results").forEach(r -> titles.add(r.path("title").asText()));
      assertThat(titles).containsExactlyElementsOf(examples);
    }
    assertThat(counting.asked.get()).isZero();
  }

  @Test
  void should_hint_at_the_length_limit_for_an_over_long_query() throws Exception {
    start();

    JsonNode answer = inlineAnswer(fake.userTypesInline(205, "what " + "x".repeat(300)));

    assertThat(ids(answer)).containsExactly("notice");
    assertThat(messageText(answer.path("results").get(0))).contains("under 200 characters");
  }

  @Test
  void should_limit_inline_questions_per_user_like_messages() throws Exception {
    start(new CountingAnswerer(qa), settings(List.of(), 1));

    JsonNode first = inlineAnswer(fake.userTypesInline(206, QUESTION));
    JsonNode second = inlineAnswer(fake.userTypesInline(206, "Who wrote the essay?"));
    FakeBotApi.Incoming third = fake.userTypesInline(206, "What is the project about?");
    harness.awaitSettled(third);

    assertThat(ids(first)).containsExactly("answer");
    assertThat(second.path("results").get(0).path("title").asText())
        .isEqualTo("Too many questions");
    assertThat(inlineAnswers(third)).isEmpty();
  }

  @Test
  void should_answer_inline_queries_only_from_allowed_users() throws Exception {
    start(qa, settings(List.of("207"), 10));

    FakeBotApi.Incoming allowed = fake.userTypesInline(207, QUESTION);
    FakeBotApi.Incoming stranger = fake.userTypesInline(208, QUESTION);
    inlineAnswer(allowed);
    harness.awaitSettled(stranger);

    assertThat(inlineAnswers(stranger)).isEmpty();
  }

  @Test
  void should_log_only_the_outcome_of_a_chosen_inline_result() throws Exception {
    start();

    FakeBotApi.Incoming chosen = fake.userChoosesInline(209, "answer", "a secret question");
    harness.awaitSettled(chosen);

    // The line is written just after the record is deleted: wait for it (bounded).
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (logged("chat 209: inline-chosen:answer").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(logged("update " + chosen.updateId() + " chat 209: inline-chosen:answer"))
        .hasSize(1);
    assertThat(logged("a secret question")).isEmpty();
  }

  @Test
  void should_drop_an_inline_query_left_in_the_journal_by_a_crash_with_a_log_line()
      throws Exception {
    ObjectNode update = new ObjectMapper().createObjectNode();
    update.put("update_id", 4000);
    ObjectNode q = update.putObject("inline_query");
    q.put("id", "iq-stale").put("query", QUESTION).put("offset", "");
    q.putObject("from").put("id", 210).put("is_bot", false).put("first_name", "U");
    try (UpdateJournal journal = UpdateJournal.open(stateDir)) {
      journal.accept(List.of(new BotApi.RawUpdate(4000, update)));
    }

    start();
    FakeBotApi.Incoming next = fake.userTypesInline(211, QUESTION);
    inlineAnswer(next);

    assertThat(logged("update 4000: an inline query left by the last run")).hasSize(1);
    assertThat(fake.sent())
        .filteredOn(s -> s.method().equals("answerinlinequery"))
        .extracting(s -> s.body().path("inline_query_id").asText())
        .containsExactly(FakeBotApi.inlineQueryId(next));
    assertThat(harness.journal.pendingCount()).isZero();
  }

  @Test
  void should_reply_in_a_group_with_the_short_answer_in_bold_first_and_reply_parameters()
      throws Exception {
    start(new ShortAnswering(qa.library()), settings(List.of(), 10));
    long group = -2001;

    FakeBotApi.Incoming mention =
        fake.userSays(group, 9, "@" + FakeBotApi.BOT_USERNAME + " when did it start?", null);
    FakeBotApi.Sent reply = fake.replyTo(mention, WAIT);

    assertThat(reply.html()).startsWith("<b>in 2019</b> [1]\n");
    assertThat(reply.plain().lines().findFirst()).contains("in 2019 [1]");
    assertThat(reply.replyTo()).isEqualTo(mention.messageId());
    assertThat(
            reply.body().path("reply_parameters").path("allow_sending_without_reply").asBoolean())
        .isTrue();
    assertThat(reply.body().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
  }

  @Test
  void should_title_an_inline_answer_with_the_short_answer() throws Exception {
    start(new ShortAnswering(qa.library()), settings(List.of(), 10));

    JsonNode answer = inlineAnswer(fake.userTypesInline(212, "when did it start?"));

    JsonNode result = answer.path("results").get(0);
    assertThat(result.path("title").asText()).isEqualTo("in 2019");
    assertThat(result.path("description").asText()).isEqualTo("It started in 2019 in a lab.");
  }

  private List<String> logged(String contains) {
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new ArrayList<>(logs.list);
    }
    return events.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(contains))
        .toList();
  }

  /** The real facade, counting the questions it is asked. */
  private static final class CountingAnswerer implements Answerer {
    final AtomicInteger asked = new AtomicInteger();
    private final Answerer inner;

    CountingAnswerer(Answerer inner) {
      this.inner = inner;
    }

    @Override
    public Answer ask(String question, Conversation conversation) {
      asked.incrementAndGet();
      return inner.ask(question, conversation);
    }

    @Override
    public Library library() {
      return inner.library();
    }

    @Override
    public String indexVersion() {
      return inner.indexVersion();
    }

    @Override
    public void close() {}
  }

  /**
   * An answer stage that found a short answer, as the answer stage will: the front end's part is to
   * show it first, whatever the question.
   */
  private static final class ShortAnswering implements Answerer {
    private final Library library;

    ShortAnswering(Library library) {
      this.library = library;
    }

    @Override
    public Answer ask(String question, Conversation conversation) {
      String quote = "It started in 2019 in a lab.";
      Citation c =
          new Citation(1, "essay", "Essay", "Start", 3, 1, 10, 10 + quote.length(), quote, 0.9);
      return new Answer(
              question, quote + " [1]", false, List.of(c), List.of(), "v", Map.of(), List.of())
          .withShortAnswer(Optional.of(new ShortAnswer("in 2019", 1)));
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
}
