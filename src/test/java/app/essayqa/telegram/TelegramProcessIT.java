package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.launcher.ExitCode;
import app.essayqa.launcher.Main;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code essay-qa telegram} as a real process: start-up errors, a hard kill, SIGTERM. */
class TelegramProcessIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String QUESTION = "What does the essay say about non-traditional security?";

  @TempDir Path dir;
  private final FakeBotApi fake = newFake();
  private Process running;

  private static FakeBotApi newFake() {
    try {
      return new FakeBotApi();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
    }
    fake.close();
  }

  private Process launch(String token, String name) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path root = Path.of("").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            classpath,
            Main.class.getName(),
            "telegram",
            "--set",
            "telegram.api-url=" + fake.url(),
            "--set",
            "telegram.state-dir=" + dir.resolve("state"),
            "--set",
            "cache.dir=" + root.resolve("target/test-cache"));
    Map<String, String> env = builder.environment();
    env.remove("ESSAYQA_LOG_LEVEL");
    env.remove("TELEGRAM_API_URL");
    env.put("TELEGRAM_BOT_TOKEN", token);
    env.put("ESSAYQA_HOME", root.toString());
    builder.redirectOutput(dir.resolve(name + ".out").toFile());
    builder.redirectError(dir.resolve(name + ".err").toFile());
    running = builder.start();
    return running;
  }

  private String stderr(String name) throws Exception {
    return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
  }

  /** Waits (bounded) for the bot to log a line containing {@code text}. */
  private void awaitLine(String name, String text) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!stderr(name).contains(text)) {
      assertThat(System.nanoTime()).as("waiting for '%s' in the log", text).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void should_exit_with_code_2_and_one_clear_line_when_telegram_rejects_the_token()
      throws Exception {
    Process bot = launch("1234567:WRONG-token-value", "wrong");

    assertThat(bot.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(bot.exitValue()).isEqualTo(ExitCode.USAGE.code());
    List<String> lines = stderr("wrong").lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines)
        .containsExactly(
            "error: Telegram rejected the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    assertThat(fake.calls("getUpdates")).isZero();
  }

  @Test
  void should_answer_exactly_once_when_killed_while_answering_and_restarted() throws Exception {
    launch(FakeBotApi.TOKEN, "first");
    FakeBotApi.Incoming answered = fake.userSays(301, QUESTION);
    fake.replyTo(answered, WAIT);
    // Settled means the bot has seen Telegram accept the reply. A kill between Telegram accepting
    // a reply and the bot hearing so is the one window where a restart answers again.
    awaitLine("first", "update " + answered.updateId() + " chat 301: answered");
    CountDownLatch held = fake.holdNext("sendChatAction");
    FakeBotApi.Incoming inFlight = fake.userSays(301, "What lies ahead for Japan and South Korea?");
    fake.awaitCalls("sendChatAction", 2, WAIT);

    running.destroyForcibly().waitFor();
    held.countDown();
    fake.forgetConfirmations();
    Process second = launch(FakeBotApi.TOKEN, "second");
    fake.replyTo(inFlight, WAIT);
    awaitLine("second", "update " + inFlight.updateId() + " chat 301: answered");

    assertThat(
            fake.sent().stream()
                .filter(s -> s.method().equals("sendmessage"))
                .map(FakeBotApi.Sent::replyTo))
        .containsExactly(answered.messageId(), inFlight.messageId());

    // SIGTERM while the next answer is being prepared: it is finished, then the bot exits.
    CountDownLatch typing = fake.holdNext("sendChatAction");
    FakeBotApi.Incoming last = fake.userSays(302, "/ask Who wrote the essay?");
    fake.awaitCalls("sendChatAction", fake.calls("sendChatAction") + 1, WAIT);
    second.destroy();
    typing.countDown();
    assertThat(second.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
    fake.replyTo(last, Duration.ofSeconds(1));
    assertThat(stderr("second")).contains("stopped; 0 updates left pending");
    assertThat(new File(dir.resolve("state/pending").toString()).list()).isEmpty();
    for (String name : List.of("first", "second")) {
      assertThat(stderr(name)).doesNotContain(FakeBotApi.TOKEN).doesNotContain("FAKE-secret");
      assertThat(stderr(name)).contains("chat 301");
      assertThat(stderr(name)).doesNotContain(QUESTION);
    }
  }
}
