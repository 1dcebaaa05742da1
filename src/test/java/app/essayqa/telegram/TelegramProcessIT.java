package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.launcher.ExitCode;
import app.essayqa.launcher.Main;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code essay-qa telegram} as a real process, with the model: exit statuses and the one line a
 * user reads when it stops on its own (wrong or revoked token, a second bot on the folder), and a
 * SIGTERM while Telegram is slow to confirm a reply.
 */
class TelegramProcessIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String QUESTION = "What does the essay say about non-traditional security?";

  @TempDir Path dir;
  private FakeBotApi fake;
  private final List<BotProcess> bots = new ArrayList<>();

  @BeforeEach
  void startFake() throws Exception {
    fake = new FakeBotApi();
  }

  @AfterEach
  void stop() {
    bots.forEach(BotProcess::close);
    fake.close();
  }

  private BotProcess launch(String token, Path stateDir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    BotProcess bot =
        BotProcess.start(
            Main.class.getName(),
            List.of(),
            List.of(
                "telegram",
                "--set",
                "telegram.api-url=" + fake.url(),
                "--set",
                "telegram.state-dir=" + stateDir,
                "--set",
                "cache.dir=" + root.resolve("target/test-cache")),
            Map.of(BotSettings.TOKEN_ENV, token, "ESSAYQA_HOME", root.toString()));
    bots.add(bot);
    return bot;
  }

  private BotProcess launch() throws Exception {
    return launch(FakeBotApi.TOKEN, dir.resolve("state"));
  }

  private static List<String> nonBlank(BotProcess bot) {
    return bot.lines().stream().filter(l -> !l.isBlank()).toList();
  }

  private static void assertNoSecrets(BotProcess bot) {
    assertThat(bot.lines())
        .noneMatch(l -> l.contains(FakeBotApi.TOKEN) || l.contains("FAKE-secret"))
        .noneMatch(l -> l.contains(QUESTION));
  }

  @Test
  void should_exit_with_code_2_and_one_clear_line_when_telegram_rejects_the_token()
      throws Exception {
    BotProcess bot = launch("1234567:WRONG-token-value", dir.resolve("state"));

    assertThat(bot.awaitExit(WAIT)).isEqualTo(ExitCode.USAGE.code());
    assertThat(nonBlank(bot))
        .containsExactly(
            "error: Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    assertThat(fake.calls("getUpdates")).isZero();
  }

  @Test
  void should_finish_a_slow_accepted_send_on_sigterm_exit_0_and_not_repeat_it_after_a_restart()
      throws Exception {
    BotProcess first = launch();
    first.awaitLine("is answering", WAIT);
    // Telegram shows the reply at once and confirms it 3.5 s later.
    fake.delaySendResponses(Duration.ofMillis(3500));
    FakeBotApi.Incoming q = fake.userSays(301, QUESTION);
    fake.replyTo(q, WAIT);

    first.terminate();

    assertThat(first.awaitExit(Duration.ofSeconds(20))).as("exit status after SIGTERM").isZero();
    assertThat(first.lines()).anyMatch(l -> l.contains("stopped; 0 updates left pending"));
    fake.delaySendResponses(Duration.ZERO);
    BotProcess second = launch();
    second.awaitLine("is answering", WAIT);
    FakeBotApi.Incoming next = fake.userSays(301, "Who wrote the essay?");
    fake.replyTo(next, WAIT);
    second.terminate();
    assertThat(second.awaitExit(WAIT)).isZero();

    assertThat(TelegramCrashIT.answersTo(fake, q)).hasSize(1);
    assertThat(TelegramCrashIT.answersTo(fake, next)).hasSize(1);
    assertThat(second.lines()).noneMatch(l -> l.contains("resuming"));
    assertThat(first.lines()).anyMatch(l -> l.contains("chat 301"));
    assertNoSecrets(first);
    assertNoSecrets(second);
  }

  @Test
  void should_exit_with_code_2_and_one_clear_line_when_the_token_is_revoked_while_running()
      throws Exception {
    BotProcess bot = launch();
    bot.awaitLine("is answering", WAIT);

    fake.revokeToken();

    assertThat(bot.awaitExit(WAIT)).isEqualTo(ExitCode.USAGE.code());
    List<String> errors = bot.lines().stream().filter(l -> l.startsWith("error:")).toList();
    assertThat(errors)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("no longer accepts the bot token")
                    .contains("401")
                    .endsWith("check TELEGRAM_BOT_TOKEN"));
    assertThat(nonBlank(bot)).last().isEqualTo(errors.get(0));
    assertNoSecrets(bot);
  }

  @Test
  void should_refuse_a_second_bot_on_the_same_state_folder_at_once_and_keep_the_first()
      throws Exception {
    BotProcess first = launch();
    first.awaitLine("is answering", WAIT);

    BotProcess second = launch();

    assertThat(second.awaitExit(WAIT)).isEqualTo(ExitCode.USAGE.code());
    assertThat(nonBlank(second))
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .startsWith("error: another essay-qa telegram is running on the state folder")
                    .contains(dir.resolve("state").toString()));
    FakeBotApi.Incoming q = fake.userSays(302, QUESTION);
    fake.replyTo(q, WAIT);
    assertThat(first.isAlive()).isTrue();
  }
}
