package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * How the bot delivers, against the fake Bot API, over a {@link ScriptedAnswerer} (no model):
 * updates that break, a connection dropped after Telegram accepted a reply, side calls that hang,
 * pacing, limits, a second poller, a revoked token, stopping during a slow send.
 */
class TelegramDeliveryIT {
  private static final Duration WAIT = BotHarness.WAIT;

  @TempDir Path dir;
  private FakeBotApi fake;
  private BotHarness harness;
  private ListAppender<ILoggingEvent> logs;
  private Level previousLevel;

  @BeforeEach
  void startFakeAndCaptureLogs() throws Exception {
    fake = new FakeBotApi();
    Logger logger = (Logger) LoggerFactory.getLogger("app.essayqa.telegram");
    previousLevel = logger.getLevel();
    logger.setLevel(Level.INFO);
    // Captured here, kept out of the build's console.
    logger.setAdditive(false);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stopAll() {
    if (harness != null) {
      harness.close();
    }
    fake.close();
    Logger logger = (Logger) LoggerFactory.getLogger("app.essayqa.telegram");
    logger.detachAppender(logs);
    logger.setLevel(previousLevel);
    logger.setAdditive(true);
    assertThat(logs.list)
        .noneMatch(e -> e.getFormattedMessage().contains(FakeBotApi.TOKEN))
        .noneMatch(e -> e.getFormattedMessage().contains("FAKE-secret"));
  }

  private BotSettings settings(int perMinute, long chatGapMs) {
    BotSettings s = BotHarness.settings(fake, dir.resolve("state"));
    return new BotSettings(
        s.apiUrl(),
        s.allow(),
        s.maxQuestionChars(),
        perMinute,
        s.workers(),
        s.stateDir(),
        s.pollTimeout(),
        new BotSettings.SendRatesSpec(chatGapMs, 20, 30),
        s.grace());
  }

  private BotHarness start(BotSettings settings) throws Exception {
    harness = BotHarness.start(new ScriptedAnswerer(0), fake, settings);
    return harness;
  }

  private BotHarness start() throws Exception {
    return start(settings(60, 50));
  }

  private List<FakeBotApi.Sent> answersTo(FakeBotApi.Incoming q) {
    return TelegramCrashIT.answersTo(fake, q);
  }

  private List<String> logged(String contains) {
    // The bot's threads may still log while the test reads: AppenderBase appends under the
    // appender's lock, so the copy is taken under it too.
    List<ILoggingEvent> events;
    synchronized (logs) {
      events = new java.util.ArrayList<>(logs.list);
    }
    return events.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(contains))
        .toList();
  }

  @Test
  void should_answer_the_rest_of_a_batch_when_updates_in_it_break_their_handler() throws Exception {
    FakeBotApi.Incoming before = fake.userSays(401, "Before the poison?");
    ObjectNode noChat = fake.messagePayload(402, "No chat here?");
    noChat.remove("chat");
    FakeBotApi.Incoming withoutChat = fake.rawUpdate("message", noChat, 402);
    FakeBotApi.Incoming boom = fake.userSays(403, "boom");
    FakeBotApi.Incoming after = fake.userSays(401, "After the poison?");
    start();

    fake.replyTo(after, WAIT);
    harness.awaitSettled(after);

    assertThat(answersTo(before)).hasSize(1);
    assertThat(answersTo(after)).hasSize(1);
    assertThat(answersTo(boom))
        .singleElement()
        .satisfies(s -> assertThat(s.plain()).contains("Sorry"));
    assertThat(logged("update " + withoutChat.updateId() + ": a message without a chat"))
        .hasSize(1);
    assertThat(harness.bot.pendingCount()).isZero();
  }

  @Test
  void should_set_aside_an_update_it_cannot_read_and_answer_the_rest_of_the_reply()
      throws Exception {
    start();
    FakeBotApi.Incoming first = fake.userSays(404, "First?");
    ObjectNode strange = fake.messagePayload(404, "x");
    strange.putObject("text").put("bold", "an object where text belongs");
    FakeBotApi.Incoming poison = fake.rawUpdate("message", strange, 404);
    FakeBotApi.Incoming last = fake.userSays(404, "Last?");

    fake.replyTo(last, WAIT);
    harness.awaitSettled(last);

    assertThat(answersTo(first)).hasSize(1);
    assertThat(answersTo(last)).hasSize(1);
    Path rejected = dir.resolve("state/rejected");
    assertThat(rejected.resolve(poison.updateId() + ".json")).content().contains("an object");
    assertThat(rejected.resolve(poison.updateId() + ".reason"))
        .content()
        .startsWith("cannot read it");
    assertThat(logged("update " + poison.updateId() + ": cannot read it")).hasSize(1);
  }

  @Test
  void should_start_past_records_it_cannot_use_and_answer_the_others() throws Exception {
    // What an earlier run might leave: a record of an update the handler cannot read, a file that
    // is not a record at all, and a question received and not answered yet.
    Path pending = Files.createDirectories(dir.resolve("state/pending"));
    Files.writeString(
        pending.resolve("4001.json"),
        "{\"update_id\":4001,\"state\":\"received\",\"update\":{\"update_id\":4001,"
            + "\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":\"not a number\"}}}}");
    Files.writeString(pending.resolve("4002.json"), "\u0000garbage");
    Files.writeString(
        pending.resolve("4003.json"),
        "{\"update_id\":4003,\"message\":{\"message_id\":77,\"date\":1,\"text\":\"Left over?\","
            + "\"chat\":{\"id\":405,\"type\":\"private\"},\"from\":{\"id\":405,\"is_bot\":false,"
            + "\"first_name\":\"U\"}}}");
    Files.writeString(dir.resolve("state/offset"), "4004");
    start();

    FakeBotApi.Sent leftOver =
        fake.await(s -> s.plain() != null && s.plain().contains("Left over?"), 1, WAIT).get(0);
    FakeBotApi.Incoming live = fake.userSays(405, "And now?");
    fake.replyTo(live, WAIT);
    harness.awaitSettled(live);

    assertThat(leftOver.replyTo()).isEqualTo(77);
    assertThat(dir.resolve("state/rejected/4001.reason")).content().startsWith("cannot read it");
    assertThat(dir.resolve("state/rejected/4002.reason")).content().startsWith("unreadable record");
    assertThat(pending).isEmptyDirectory();
  }

  @Test
  void should_send_again_and_warn_once_when_the_connection_drops_after_telegram_accepted()
      throws Exception {
    start();
    fake.acceptThenDropNext("sendMessage");

    FakeBotApi.Incoming q = fake.userSays(406, "Dropped after accept?");
    fake.await(s -> Integer.valueOf(q.messageId()).equals(s.replyTo()), 2, WAIT);
    harness.awaitSettled(q);

    // Exactly one repeat, ours and logged: OkHttp repeats nothing by itself.
    assertThat(answersTo(q)).hasSize(2);
    assertThat(fake.calls("sendMessage")).isEqualTo(2);
    assertThat(logged("its reply may have been delivered")).hasSize(1);
  }

  @Test
  void should_not_repeat_a_send_whose_connection_failed_before_it_went_out() throws Exception {
    start();
    fake.dropNext("sendMessage");

    FakeBotApi.Incoming q = fake.userSays(407, "Dropped before anything happened?");
    fake.replyTo(q, WAIT);
    harness.awaitSettled(q);

    assertThat(answersTo(q)).hasSize(1);
  }

  @Test
  void should_answer_while_typing_and_button_answers_hang() throws Exception {
    start();
    CountDownLatch typing = fake.holdNext("sendChatAction");
    CountDownLatch button = fake.holdNext("answerCallbackQuery");
    try {
      FakeBotApi.Incoming q = fake.userSays(408, "Typing hangs?");
      FakeBotApi.Sent answer = fake.replyTo(q, Duration.ofSeconds(4));
      fake.pressButton(408, 408, answer.messageId(), "s:0:1");
      fake.await(
          s -> s.method().equals("sendmessage") && s.chatId() == 408, 2, Duration.ofSeconds(4));
    } finally {
      typing.countDown();
      button.countDown();
    }
  }

  @Test
  void should_count_button_presses_toward_the_limit_and_explain_in_the_button_answer()
      throws Exception {
    start(settings(3, 50));
    FakeBotApi.Incoming q = fake.userSays(409, "How many presses?");
    FakeBotApi.Sent answer = fake.replyTo(q, WAIT);
    FakeBotApi.Incoming last = null;
    for (int i = 0; i < 4; i++) {
      last = fake.pressButton(409, 409, answer.messageId(), "s:0:" + (i + 1));
    }
    harness.awaitSettled(last);
    fake.await(s -> s.method().equals("answercallbackquery"), 4, WAIT);

    assertThat(fake.sent())
        .filteredOn(s -> s.method().equals("sendmessage") && s.chatId() == 409)
        .as("the question and two presses: three a minute")
        .hasSize(3);
    assertThat(fake.sent())
        .filteredOn(s -> s.method().equals("answercallbackquery"))
        .filteredOn(s -> s.body().path("text").asText().contains("3 requests in a minute"))
        .hasSize(2);
  }

  @Test
  void should_answer_a_photo_caption_like_text() throws Exception {
    start();

    FakeBotApi.Sent captioned = fake.replyTo(fake.userSendsPhoto(410, "What is on it?"), WAIT);
    FakeBotApi.Sent bare = fake.replyTo(fake.userSendsPhoto(410, null), WAIT);

    assertThat(captioned.plain()).contains("You asked: What is on it?");
    assertThat(bare.plain()).contains("only read text");
  }

  @Test
  void should_space_replies_to_a_chat_from_when_telegram_confirmed_the_previous_one()
      throws Exception {
    start(settings(60, 1000));
    fake.delaySendResponses(Duration.ofMillis(300));

    List<FakeBotApi.Incoming> qs =
        List.of(
            fake.userSays(411, "One?"), fake.userSays(411, "Two?"), fake.userSays(411, "Three?"));
    fake.replyTo(qs.get(2), WAIT);

    List<FakeBotApi.Sent> sent =
        fake.sent().stream().filter(s -> s.method().equals("sendmessage")).toList();
    for (int i = 1; i < sent.size(); i++) {
      long gapMs = (sent.get(i).atNanos() - sent.get(i - 1).atNanos()) / 1_000_000;
      assertThat(gapMs).as("gap before reply %d", i + 1).isGreaterThanOrEqualTo(1000 + 300);
    }
  }

  @Test
  void should_show_message_text_only_at_debug_level() throws Exception {
    start();
    FakeBotApi.Incoming quiet = fake.userSays(412, "Quiet question?");
    fake.replyTo(quiet, WAIT);
    ((Logger) LoggerFactory.getLogger("app.essayqa.telegram")).setLevel(Level.DEBUG);
    FakeBotApi.Incoming loud = fake.userSays(412, "Loud question?");
    fake.replyTo(loud, WAIT);

    assertThat(logged("Quiet question?")).isEmpty();
    assertThat(logged("Loud question?")).hasSize(1);
  }

  @Test
  void should_stop_with_a_clear_reason_when_the_token_is_revoked() throws Exception {
    start();
    fake.replyTo(fake.userSays(413, "Still valid?"), WAIT);

    fake.revokeToken();

    assertThat(harness.bot.awaitClosed(WAIT)).isTrue();
    assertThat(harness.bot.awaitClosed())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("no longer accepts the bot token")
                    .contains("401")
                    .contains("TELEGRAM_BOT_TOKEN")
                    .doesNotContain("\n"));
  }

  @Test
  void should_stop_one_of_two_bots_polling_with_one_token_with_a_clear_reason() throws Exception {
    start();
    fake.replyTo(fake.userSays(414, "Alone?"), WAIT);
    BotSettings elsewhere =
        new BotSettings(
            URI.create(fake.url()),
            List.of(),
            500,
            60,
            2,
            dir.resolve("other-state"),
            Duration.ofSeconds(1),
            new BotSettings.SendRatesSpec(50, 20, 30),
            Duration.ofSeconds(1));

    try (BotHarness second = BotHarness.start(new ScriptedAnswerer(0), fake, elsewhere)) {
      // They take turns cutting each other's polls short until one gives up.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      BotHarness stopped = null;
      while (stopped == null && System.nanoTime() < deadline) {
        for (BotHarness h : List.of(harness, second)) {
          if (stopped == null && h.bot.awaitClosed(Duration.ofMillis(200))) {
            stopped = h;
          }
        }
      }
      assertThat(stopped).as("one of them stopped").isNotNull();
      assertThat(stopped.bot.awaitClosed())
          .hasValueSatisfying(
              m ->
                  assertThat(m)
                      .contains("[409] Conflict")
                      .contains("another program is polling")
                      .doesNotContain("\n"));
      BotHarness survivor = stopped == harness ? second : harness;
      FakeBotApi.Incoming after = fake.userSays(414, "Still there?");
      fake.replyTo(after, WAIT);
      assertThat(survivor.bot.awaitClosed(Duration.ZERO)).isFalse();
    }
  }

  @Test
  void should_finish_a_slow_accepted_send_when_stopped_and_leave_nothing_to_repeat()
      throws Exception {
    start();
    fake.delaySendResponses(Duration.ofMillis(3500));
    FakeBotApi.Incoming q = fake.userSays(415, "Slow to confirm?");
    fake.replyTo(q, WAIT);

    harness.bot.close();

    assertThat(harness.bot.awaitClosed()).isEqualTo(Optional.empty());
    assertThat(harness.bot.pendingCount()).isZero();
    assertThat(dir.resolve("state/pending")).isEmptyDirectory();
    assertThat(answersTo(q)).hasSize(1);
  }
}
