package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.EssayQa;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many chats at once through the fake Bot API at Telegram's real sending limits, with faults
 * injected; prints the figures for the closing note.
 */
class TelegramLoadIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String[] QUESTIONS = {
    "What does the essay say about non-traditional security?",
    "Why is Japan-South Korea relations hostile?",
    "What is the role of China in the region?",
    "What did the project bring together?",
    "How are Japan and South Korea seen in the Philippines?",
    "What lies ahead for Japan and South Korea?",
    "What about the tech wars?",
    "What is the great power politics paradigm?",
    "What could Japan and South Korea do in Southeast Asia?",
    "What <b>bold</b> & risky claims does it make?"
  };

  private static EssayQa qa;

  @TempDir Path stateDir;

  @BeforeAll
  static void openFacade() {
    qa = BotHarness.openFacade();
  }

  @AfterAll
  static void closeFacade() {
    qa.close();
  }

  @Test
  void should_answer_200_questions_from_20_chats_exactly_once_and_in_order_despite_faults()
      throws Exception {
    try (FakeBotApi fake = new FakeBotApi();
        BotHarness harness = BotHarness.start(qa, fake, settings(fake))) {
      fake.awaitCalls("getUpdates", 1, WAIT);
      int faults = injectFaults(fake);
      List<FakeBotApi.Incoming> questions = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (long chat = 1; chat <= 20; chat++) {
          questions.add(fake.userSays(chat, QUESTIONS[(int) (round + chat) % QUESTIONS.length]));
        }
        if (round == 5) {
          faults += injectFaults(fake);
        }
      }

      fake.await(s -> s.method().equals("sendmessage"), 200, WAIT);
      harness.awaitSettled(questions.get(questions.size() - 1));

      Figures figures = Figures.of(questions, fake.sent());
      System.out.println(
          figures.report(
              "burst: 20 chats x 10 questions sent at once, " + faults + " faults injected"));
      assertThat(figures.lost).isZero();
      assertThat(figures.duplicated).isZero();
      for (long chat = 1; chat <= 20; chat++) {
        long c = chat;
        List<Integer> asked =
            questions.stream()
                .filter(q -> q.chatId() == c)
                .map(FakeBotApi.Incoming::messageId)
                .toList();
        List<Integer> answered =
            fake.sent().stream()
                .filter(s -> s.method().equals("sendmessage") && s.chatId() == c)
                .map(FakeBotApi.Sent::replyTo)
                .toList();
        assertThat(answered).as("replies in chat %d", chat).isEqualTo(asked);
      }
    }
  }

  @Test
  void should_keep_up_with_20_chats_asking_at_a_human_pace() throws Exception {
    try (FakeBotApi fake = new FakeBotApi();
        BotHarness harness = BotHarness.start(qa, fake, settings(fake))) {
      fake.awaitCalls("getUpdates", 1, WAIT);
      List<FakeBotApi.Incoming> questions = new ArrayList<>();
      Map<Long, FakeBotApi.Incoming> waiting = new HashMap<>();
      Map<Long, Integer> asked = new HashMap<>();
      for (long chat = 1; chat <= 20; chat++) {
        FakeBotApi.Incoming q = fake.userSays(chat, QUESTIONS[(int) chat % QUESTIONS.length]);
        questions.add(q);
        waiting.put(chat, q);
        asked.put(chat, 1);
        Thread.sleep(50); // users do not all start in the same millisecond
      }
      // Each user reads the answer for a second before asking the next of 4 questions.
      long deadline = System.nanoTime() + WAIT.toNanos();
      Map<Long, Long> answeredAt = new HashMap<>();
      int seen = 0;
      while (!waiting.isEmpty() || !answeredAt.isEmpty()) {
        assertThat(System.nanoTime()).as("all answered in time").isLessThan(deadline);
        List<FakeBotApi.Sent> sent = fake.sent();
        seen = sent.size();
        for (FakeBotApi.Sent s : sent) {
          FakeBotApi.Incoming q = waiting.get(s.chatId());
          if (q != null
              && s.method().equals("sendmessage")
              && Integer.valueOf(q.messageId()).equals(s.replyTo())) {
            waiting.remove(s.chatId());
            if (asked.get(s.chatId()) < 4) {
              answeredAt.put(s.chatId(), s.atNanos());
            }
          }
        }
        for (Map.Entry<Long, Long> e : new ArrayList<>(answeredAt.entrySet())) {
          if (System.nanoTime() - e.getValue() >= 1_000_000_000L) {
            long chat = e.getKey();
            answeredAt.remove(chat);
            int n = asked.merge(chat, 1, Integer::sum);
            FakeBotApi.Incoming q =
                fake.userSays(chat, QUESTIONS[(int) (chat + n) % QUESTIONS.length]);
            questions.add(q);
            waiting.put(chat, q);
          }
        }
        // Until the next reply arrives or the next user is done reading, whichever is first.
        long nextAsk =
            answeredAt.values().stream()
                .mapToLong(at -> at + 1_000_000_000L - System.nanoTime())
                .min()
                .orElse(WAIT.toNanos());
        fake.awaitChange(seen, Duration.ofNanos(Math.max(1, nextAsk)));
      }
      harness.awaitSettled(questions.get(questions.size() - 1));

      Figures figures = Figures.of(questions, fake.sent());
      System.out.println(
          figures.report(
              "paced: 20 chats x 4 questions, each asked 1 s after the previous answer, no faults"));
      System.out.println(
          Figures.of(questions.subList(20, questions.size()), fake.sent())
              .report("paced, rounds 2-4 only (after the cold first round)"));
      assertThat(figures.lost).isZero();
      assertThat(figures.duplicated).isZero();
    }
  }

  /**
   * The bot as users run it, {@code ./essay-qa telegram} with the launcher's JVM flags: its
   * resident memory after 1,000 updates (200 chats asking 5 questions each, a wave at a time).
   */
  @Test
  void should_report_the_launched_bots_memory_after_1000_updates() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    try (FakeBotApi fake = new FakeBotApi();
        BotProcess bot =
            BotProcess.startCommand(
                List.of(
                    root.resolve("essay-qa").toString(),
                    "telegram",
                    "--set",
                    "telegram.api-url=" + fake.url(),
                    "--set",
                    "telegram.state-dir=" + stateDir,
                    "--set",
                    "cache.dir=" + root.resolve("target/test-cache")),
                Map.of(BotSettings.TOKEN_ENV, FakeBotApi.TOKEN, "ESSAYQA_HOME", root.toString()))) {
      bot.awaitLine("is answering", WAIT);
      long[] atStart = memoryKb(bot.pid());
      int chats = 200;
      for (int round = 0; round < 5; round++) {
        for (long chat = 1; chat <= chats; chat++) {
          fake.userSays(1000 + chat, QUESTIONS[(int) (round + chat) % QUESTIONS.length]);
        }
        fake.await(s -> s.method().equals("sendmessage"), chats * (round + 1), WAIT);
      }
      long[] after = memoryKb(bot.pid());
      System.out.println(
          String.format(
              Locale.ROOT,
              "TELEGRAM FIGURES [memory: ./essay-qa telegram, 1000 updates from 200 chats]: RSS"
                  + " %.0f MB when ready, %.0f MB after 1000 updates, peak %.0f MB",
              atStart[0] / 1024.0,
              after[0] / 1024.0,
              after[1] / 1024.0));
      assertThat(after[0]).as("VmRSS read from /proc").isPositive();
    }
  }

  /** {VmRSS, VmHWM} in KB from /proc. */
  private static long[] memoryKb(long pid) throws java.io.IOException {
    long[] kb = new long[2];
    for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", pid + "", "status"))) {
      String[] parts = line.split("\\s+");
      if (parts[0].equals("VmRSS:")) {
        kb[0] = Long.parseLong(parts[1]);
      } else if (parts[0].equals("VmHWM:")) {
        kb[1] = Long.parseLong(parts[1]);
      }
    }
    return kb;
  }

  private static BotSettings settings(FakeBotApi fake) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("telegram-load");
    BotSettings s = BotHarness.settings(fake, dir);
    return new BotSettings(
        s.apiUrl(),
        List.of(),
        500,
        60,
        4,
        dir,
        s.pollTimeout(),
        BotSettings.SendRatesSpec.TELEGRAM,
        s.grace());
  }

  private static int injectFaults(FakeBotApi fake) {
    fake.failNext("getUpdates", 502, "Bad Gateway", 0);
    fake.dropNext("getUpdates");
    fake.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    fake.failNext("sendMessage", 502, "Bad Gateway", 0);
    fake.dropNext("sendMessage");
    fake.failNext("sendMessage", 429, "Too Many Requests: retry after 2", 2);
    fake.failNext("sendMessage", 500, "Internal Server Error", 0);
    return 7;
  }

  /** Throughput, latency from update to reply, and lost or duplicated answers. */
  record Figures(
      int questions,
      double perSecond,
      long p50Ms,
      long p95Ms,
      long maxMs,
      int lost,
      int duplicated) {
    static Figures of(List<FakeBotApi.Incoming> questions, List<FakeBotApi.Sent> sent) {
      List<Long> latencies = new ArrayList<>();
      int lost = 0;
      int duplicated = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (FakeBotApi.Incoming q : questions) {
        List<FakeBotApi.Sent> replies =
            sent.stream()
                .filter(
                    s ->
                        s.method().equals("sendmessage")
                            && s.chatId() == q.chatId()
                            && Integer.valueOf(q.messageId()).equals(s.replyTo()))
                .toList();
        if (replies.isEmpty()) {
          lost++;
          continue;
        }
        duplicated += replies.size() - 1;
        latencies.add((replies.get(0).atNanos() - q.createdNanos()) / 1_000_000);
        first = Math.min(first, q.createdNanos());
        last = Math.max(last, replies.get(0).atNanos());
      }
      latencies.sort(null);
      double seconds = Math.max(1e-9, (last - first) / 1e9);
      return new Figures(
          questions.size(),
          latencies.size() / seconds,
          percentile(latencies, 50),
          percentile(latencies, 95),
          latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1),
          lost,
          duplicated);
    }

    private static long percentile(List<Long> sorted, int p) {
      if (sorted.isEmpty()) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String report(String scenario) {
      return String.format(
          Locale.ROOT,
          "TELEGRAM FIGURES [%s]: %d questions, %.1f answered/s, latency update->reply p50 %d ms, p95 %d ms, max %d ms, lost %d, duplicated %d",
          scenario,
          questions,
          perSecond,
          p50Ms,
          p95Ms,
          maxMs,
          lost,
          duplicated);
    }
  }
}
