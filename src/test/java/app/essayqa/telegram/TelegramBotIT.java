package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.EssayQa;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Paragraph;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The bot end to end: real facade and model, a fake Bot API on 127.0.0.1. */
class TelegramBotIT {
  private static final Duration WAIT = BotHarness.WAIT;
  private static final String QUESTION = "What does the essay say about non-traditional security?";

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
    // DEBUG so the token check below also covers the most talkative paths.
    logger.setLevel(Level.DEBUG);
    logs = new ListAppender<>();
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterAll
  static void closeFacade() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    ((Logger) LoggerFactory.getLogger("app.essayqa.telegram")).setLevel(previousLevel);
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
    assertTokenNeverLogged();
  }

  private BotHarness start() throws Exception {
    return start(BotHarness.settings(fake, stateDir));
  }

  private BotHarness start(BotSettings settings) throws Exception {
    harness = BotHarness.start(qa, fake, settings);
    return harness;
  }

  private static List<FakeBotApi.Sent> messagesTo(FakeBotApi fake, long chatId) {
    return fake.sent().stream()
        .filter(s -> s.method().equals("sendmessage") && s.chatId() == chatId)
        .toList();
  }

  @Test
  void should_answer_a_private_question_once_with_cited_sources() throws Exception {
    start();

    FakeBotApi.Incoming question = fake.userSays(101, QUESTION);
    FakeBotApi.Sent reply = fake.replyTo(question, WAIT);
    harness.awaitSettled(question);

    assertThat(reply.plain()).contains("[1]").contains("Sources").contains("¶");
    assertThat(reply.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(
            reply.body().path("reply_parameters").path("allow_sending_without_reply").asBoolean())
        .isTrue();
    assertThat(reply.buttonData()).isNotEmpty().allMatch(d -> d.startsWith("s:"));
    assertThat(messagesTo(fake, 101)).hasSize(1);
    // Typing goes out beside the answer, not before it.
    fake.await(
        s ->
            s.method().equals("sendchataction")
                && s.chatId() == 101
                && s.body().path("action").asText().equals("typing"),
        1,
        WAIT);
  }

  @Test
  void should_register_commands_and_answer_start_help_and_about() throws Exception {
    start();
    Document essay = qa.library().documents().get(0);

    FakeBotApi.Sent start = fake.replyTo(fake.userSays(102, "/start"), WAIT);
    FakeBotApi.Sent help = fake.replyTo(fake.userSays(102, "/help"), WAIT);
    FakeBotApi.Sent about =
        fake.replyTo(fake.userSays(102, "/about@" + FakeBotApi.BOT_USERNAME), WAIT);

    fake.awaitCalls("setMyCommands", 1, WAIT);
    assertThat(fake.sent())
        .anySatisfy(
            s -> {
              assertThat(s.method()).isEqualTo("setmycommands");
              assertThat(s.body().path("commands").findValuesAsText("command"))
                  .containsExactly("start", "help", "about", "ask");
            });
    assertThat(start.plain()).contains("Hello").contains(essay.title());
    assertThat(start.plain().lines().filter(l -> l.startsWith("• ")).count()).isEqualTo(3);
    assertThat(help.plain()).contains("/ask").contains("@" + FakeBotApi.BOT_USERNAME);
    assertThat(about.plain()).contains(essay.title());
    essay.author().ifPresent(author -> assertThat(about.plain()).contains(author));
  }

  @Test
  void should_ignore_group_chatter_and_answer_mentions_commands_and_replies() throws Exception {
    start();
    long group = -1001;

    FakeBotApi.Incoming chatter =
        fake.userSays(group, 7, "what is non-traditional security?", null);
    FakeBotApi.Incoming mention =
        fake.userSays(
            group, 7, "@" + FakeBotApi.BOT_USERNAME + " what is non-traditional security?", null);
    FakeBotApi.Sent answer = fake.replyTo(mention, WAIT);
    FakeBotApi.Incoming ask =
        fake.userSays(group, 8, "/ask@" + FakeBotApi.BOT_USERNAME + " Who wrote the essay?", null);
    fake.replyTo(ask, WAIT);
    FakeBotApi.Incoming followUp = fake.userSays(group, 7, "Tell me more", answer.messageId());
    fake.replyTo(followUp, WAIT);
    harness.awaitSettled(followUp);

    assertThat(messagesTo(fake, group))
        .extracting(FakeBotApi.Sent::replyTo)
        .containsExactly(mention.messageId(), ask.messageId(), followUp.messageId())
        .doesNotContain(chatter.messageId());
  }

  @Test
  void should_answer_a_follow_up_with_the_earlier_answer_as_context() throws Exception {
    start();
    // The user can reply before Telegram's confirmation of the answer reaches the bot.
    fake.delaySendResponses(Duration.ofMillis(400));

    FakeBotApi.Sent first = fake.replyTo(fake.userSays(103, QUESTION), WAIT);
    FakeBotApi.Sent more =
        fake.replyTo(fake.userSays(103, 103, "Tell me more", first.messageId()), WAIT);

    assertThat(more.plain()).contains("[1]");
    assertThat(more.buttonData()).isNotEmpty().isNotEqualTo(first.buttonData());
  }

  @Test
  void should_show_the_paragraph_behind_a_source_button_and_page_on() throws Exception {
    start();
    FakeBotApi.Sent answer = fake.replyTo(fake.userSays(104, QUESTION), WAIT);
    String data = answer.buttonData().get(0);
    CallbackData source = CallbackData.decode(data).orElseThrow();
    Document essay = qa.library().documents().get(source.document());
    Paragraph cited = essay.paragraph(source.paragraph()).orElseThrow();

    FakeBotApi.Incoming press = fake.pressButton(104, 104, answer.messageId(), data);
    FakeBotApi.Sent view =
        fake.await(
                s ->
                    s.method().equals("sendmessage")
                        && s.chatId() == 104
                        && s.replyTo() == answer.messageId(),
                1,
                WAIT)
            .get(0);

    assertThat(view.plain()).contains(cited.text().strip()).contains("¶" + cited.number());
    fake.await(
        s ->
            s.method().equals("answercallbackquery")
                && s.body().path("callback_query_id").asText().equals("cb" + press.updateId()),
        1,
        WAIT);
    String next =
        view.buttonData().stream()
            .filter(d -> d.equals("p:" + source.document() + ":" + (source.paragraph() + 1)))
            .findFirst()
            .orElseThrow();

    fake.pressButton(104, 104, view.messageId(), next);
    FakeBotApi.Sent paged =
        fake.await(
                s -> s.method().equals("editmessagetext") && s.messageId() == view.messageId(),
                1,
                WAIT)
            .get(0);

    assertThat(paged.plain())
        .contains(essay.paragraph(source.paragraph() + 1).orElseThrow().text().strip());
    assertThat(paged.buttonData()).contains("p:" + source.document() + ":" + source.paragraph());
  }

  @Test
  void should_send_valid_html_when_text_holds_markup_characters() throws Exception {
    start();

    FakeBotApi.Incoming question =
        fake.userSays(
            105, "<script>alert('x')</script> & what does the essay say about Japan & Korea?");
    FakeBotApi.Sent reply = fake.replyTo(question, WAIT);
    FakeBotApi.Sent tooLong =
        fake.replyTo(fake.userSays(105, "<script>&</script>".repeat(40)), WAIT);

    // The fake rejects invalid HTML with a 400, so a delivered reply proves the escaping.
    assertThat(reply.plain()).isNotBlank();
    assertThat(tooLong.plain()).contains("720 characters long").contains("500");
  }

  @Test
  void should_retry_a_429_after_retry_after_and_deliver_once() throws Exception {
    start();
    fake.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);

    FakeBotApi.Incoming question = fake.userSays(106, QUESTION);
    fake.replyTo(question, WAIT);
    harness.awaitSettled(question);

    assertThat(fake.calls("sendMessage")).isEqualTo(2);
    assertThat(messagesTo(fake, 106)).hasSize(1);
    assertThat(logs.list)
        .anyMatch(e -> e.getFormattedMessage().contains("[429] Too Many Requests"));
  }

  @Test
  void should_recover_from_server_errors_and_dropped_connections_on_get_updates() throws Exception {
    start();
    fake.awaitCalls("getUpdates", 1, WAIT);
    fake.failNext("getUpdates", 502, "Bad Gateway", 0);
    fake.dropNext("getUpdates");
    fake.dropNext("getUpdates");
    fake.failNext("getUpdates", 500, "Internal Server Error", 0);
    fake.failNext("sendMessage", 502, "Bad Gateway", 0);
    fake.dropNext("sendMessage");

    FakeBotApi.Incoming question = fake.userSays(107, QUESTION);
    fake.replyTo(question, WAIT);
    harness.awaitSettled(question);

    assertThat(messagesTo(fake, 107)).hasSize(1);
  }

  @Test
  void should_log_telegrams_description_of_a_rejected_reply_and_go_on() throws Exception {
    start();
    fake.failNext("sendMessage", 400, "Bad Request: chat not found", 0);

    FakeBotApi.Incoming rejected = fake.userSays(115, QUESTION);
    fake.awaitCalls("sendMessage", 1, WAIT);
    FakeBotApi.Incoming next = fake.userSays(115, "/about");
    fake.replyTo(next, WAIT);
    harness.awaitSettled(next);

    assertThat(messagesTo(fake, 115))
        .extracting(FakeBotApi.Sent::replyTo)
        .containsExactly(next.messageId());
    assertThat(fake.calls("sendMessage")).isEqualTo(2);
    assertThat(logs.list)
        .anyMatch(
            e ->
                e.getFormattedMessage().contains("chat 115")
                    && e.getFormattedMessage().contains("[400] Bad Request: chat not found"));
    assertThat(rejected.updateId()).isLessThan(next.updateId());
  }

  @Test
  void should_drop_replies_to_a_chat_that_blocked_the_bot_and_go_on() throws Exception {
    start();
    fake.block(108);

    FakeBotApi.Incoming blocked = fake.userSays(108, QUESTION);
    FakeBotApi.Incoming other = fake.userSays(109, QUESTION);
    fake.replyTo(other, WAIT);
    harness.awaitSettled(other);

    assertThat(messagesTo(fake, 108)).isEmpty();
    assertThat(fake.calls("sendMessage")).as("403 is not retried").isEqualTo(2);
    assertThat(harness.bot.pendingCount()).isZero();
    assertThat(blocked.updateId()).isLessThan(other.updateId());
  }

  @Test
  void should_hint_at_non_text_and_limit_each_user_politely() throws Exception {
    BotSettings settings = BotHarness.settings(fake, stateDir);
    start(
        new BotSettings(
            settings.apiUrl(),
            settings.allow(),
            500,
            3,
            4,
            stateDir,
            settings.pollTimeout(),
            settings.rates(),
            settings.grace()));

    FakeBotApi.Sent hint = fake.replyTo(fake.userSays(110, 110, null, null), WAIT);
    fake.replyTo(fake.userSays(110, QUESTION), WAIT);
    fake.replyTo(fake.userSays(110, "Who wrote the essay?"), WAIT);
    FakeBotApi.Sent limited = fake.replyTo(fake.userSays(110, "What is the project about?"), WAIT);
    FakeBotApi.Incoming silent = fake.userSays(110, "And what else?");
    harness.awaitSettled(silent);

    assertThat(hint.plain()).contains("only read text");
    assertThat(limited.plain()).contains("3 messages a minute");
    assertThat(messagesTo(fake, 110)).hasSize(4);
  }

  @Test
  void should_answer_only_allowed_chats() throws Exception {
    BotSettings s = BotHarness.settings(fake, stateDir);
    start(
        new BotSettings(
            s.apiUrl(),
            List.of("111", "@user112"),
            500,
            10,
            4,
            stateDir,
            s.pollTimeout(),
            s.rates(),
            s.grace()));

    FakeBotApi.Incoming allowedById = fake.userSays(111, QUESTION);
    FakeBotApi.Incoming allowedByName = fake.userSays(112, QUESTION);
    FakeBotApi.Incoming stranger = fake.userSays(113, QUESTION);
    fake.replyTo(allowedById, WAIT);
    fake.replyTo(allowedByName, WAIT);
    harness.awaitSettled(stranger);

    assertThat(messagesTo(fake, 113)).isEmpty();
  }

  @Test
  void should_stop_within_seconds_and_leave_no_threads() throws Exception {
    start();
    fake.replyTo(fake.userSays(114, QUESTION), WAIT);

    harness.close();
    harness = null;

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : botThreads()) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    assertThat(botThreads()).extracting(Thread::getName).isEmpty();
  }

  private static List<Thread> botThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("telegram-") || t.getName().startsWith("OkHttp"))
        .filter(t -> !t.getName().startsWith("OkHttp TaskRunner"))
        .toList();
  }

  private static void assertTokenNeverLogged() {
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      assertThat(event.getFormattedMessage())
          .doesNotContain(FakeBotApi.TOKEN)
          .doesNotContain("FAKE-secret");
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain("FAKE-secret");
      }
    }
  }
}
