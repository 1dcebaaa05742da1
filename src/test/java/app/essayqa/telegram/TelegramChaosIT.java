package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load run, not part of the default build: {@code kill -9} at random moments, trial after trial,
 * then counts what every user got. Each trial asks 30 questions (5 chats, 6 each, one in six with a
 * two-message answer), kills the bot at a random moment while it answers, restarts it and waits for
 * every answer. Lost answers and answers out of order must be 0; a duplicate must be one the
 * restart warned about (a reply it found recorded as being sent: the window the README names).
 *
 * <pre>
 * mvn -q -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TelegramChaosIT \
 *     -Dessayqa.chaos.trials=50 | grep 'TELEGRAM CHAOS'
 * </pre>
 *
 * {@code -Dessayqa.chaos.seed=N} repeats a run.
 */
@EnabledIfSystemProperty(named = "essayqa.chaos.trials", matches = "\\d+")
class TelegramChaosIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int CHATS = 5;
  private static final int PER_CHAT = 6;
  private static final Pattern TAG = Pattern.compile("trial (\\d+) chat (\\d+) question (\\d+)");
  private static final Pattern SENTENCE = Pattern.compile("sentence (\\d+) of a long answer");

  @TempDir Path dir;

  /** One question asked in a trial. */
  private record Question(FakeBotApi.Incoming incoming, String text, boolean isLong) {}

  @Test
  void should_lose_nothing_reorder_nothing_and_repeat_only_in_the_window() throws Exception {
    int trials = Integer.getInteger("essayqa.chaos.trials");
    long seed = Long.getLong("essayqa.chaos.seed", System.nanoTime());
    Random random = new Random(seed);
    Path state = dir.resolve("state");
    List<Question> questions = new ArrayList<>();
    List<String> restartLogs = new ArrayList<>();
    long started = System.nanoTime();
    try (FakeBotApi fake = new FakeBotApi()) {
      BotProcess bot = TelegramCrashIT.scriptedBot(fake, state, null, 50, 20);
      try {
        bot.awaitLine("is answering", WAIT);
        for (int trial = 1; trial <= trials; trial++) {
          List<Question> asked = ask(fake, trial, random);
          questions.addAll(asked);
          // A moment anywhere from the first question to about when the last answer is due.
          Thread.sleep(random.nextInt(2500));
          bot.kill();
          bot = TelegramCrashIT.scriptedBot(fake, state, null, 50, 20);
          bot.awaitLine("is answering", WAIT);
          awaitComplete(fake, asked);
          restartLogs.addAll(bot.lines());
        }
        bot.terminate();
        assertThat(bot.awaitExit(WAIT)).as("exit status after SIGTERM").isZero();
        restartLogs.addAll(bot.lines());
        assertThat(restartLogs).anyMatch(l -> l.contains("stopped; 0 updates left pending"));
      } finally {
        bot.close();
      }

      Figures f = Figures.of(questions, fake.sent(), restartLogs);
      System.out.printf(
          Locale.ROOT,
          "TELEGRAM CHAOS FIGURES: %d kill -9 restarts, %d questions (%d chats), lost %d, duplicated"
              + " %d (%d extra messages), out of order %d; restarts found %d replies recorded as"
              + " being sent (the window), %d of the duplicates among them; seed %d, %.0f s%n",
          trials,
          questions.size(),
          trials * CHATS,
          f.lost,
          f.duplicated.size(),
          f.extraMessages,
          f.outOfOrder,
          f.windowUpdates.size(),
          f.duplicated.stream().filter(f.windowUpdates::contains).count(),
          seed,
          (System.nanoTime() - started) / 1e9);
      assertThat(f.lost).as("lost").isZero();
      assertThat(f.outOfOrder).as("out of order").isZero();
      assertThat(f.windowUpdates).as("every duplicate in the window").containsAll(f.duplicated);
    }
  }

  /** Thirty questions: in each of 5 chats (new ones each trial), 6 sent one after another. */
  private static List<Question> ask(FakeBotApi fake, int trial, Random random) {
    List<Question> asked = new ArrayList<>();
    for (int i = 1; i <= PER_CHAT; i++) {
      for (int c = 1; c <= CHATS; c++) {
        long chat = trial * 100L + c;
        boolean isLong = random.nextInt(6) == 0;
        String text =
            "trial " + trial + " chat " + chat + " question " + i + (isLong ? " long?" : "?");
        asked.add(new Question(fake.userSays(chat, text), text, isLong));
      }
    }
    return asked;
  }

  /** Waits until every question's answer has been seen whole. */
  private static void awaitComplete(FakeBotApi fake, List<Question> asked)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<FakeBotApi.Sent> sent = fake.sent();
      Map<String, Map<Integer, Integer>> units = units(sent);
      boolean complete =
          asked.stream()
              .allMatch(
                  q ->
                      units.getOrDefault(tag(q.text()), Map.of()).size()
                          == (q.isLong() ? ScriptedAnswerer.LONG_SENTENCES : 1));
      if (complete) {
        return;
      }
      long left = deadline - System.nanoTime();
      assertThat(left).as("every answer of the trial arrived").isPositive();
      fake.awaitChange(sent.size(), Duration.ofNanos(left));
    }
  }

  private static String tag(String text) {
    Matcher m = TAG.matcher(text);
    return m.find() ? m.group() : "";
  }

  /** For each question's tag: how many times each unit of its answer was sent (unit 0: all). */
  private static Map<String, Map<Integer, Integer>> units(List<FakeBotApi.Sent> sent) {
    Map<String, Map<Integer, Integer>> units = new HashMap<>();
    for (FakeBotApi.Sent s : sent) {
      if (!s.method().equals("sendmessage") || s.plain() == null) {
        continue;
      }
      String tag = tag(s.plain());
      if (tag.isEmpty()) {
        continue;
      }
      Map<Integer, Integer> counts = units.computeIfAbsent(tag, t -> new HashMap<>());
      Matcher m = SENTENCE.matcher(s.plain());
      boolean any = false;
      while (m.find()) {
        counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        any = true;
      }
      if (!any) {
        counts.merge(0, 1, Integer::sum);
      }
    }
    return units;
  }

  /** What the users got. */
  private static final class Figures {
    int lost;
    int extraMessages;
    int outOfOrder;
    final Set<Long> duplicated = new HashSet<>();
    final Set<Long> windowUpdates = new HashSet<>();

    static Figures of(List<Question> questions, List<FakeBotApi.Sent> sent, List<String> logs) {
      Figures f = new Figures();
      Pattern warned = Pattern.compile("update (\\d+): reply \\d+ of \\d+ may already have been");
      for (String line : logs) {
        Matcher m = warned.matcher(line);
        if (m.find()) {
          f.windowUpdates.add(Long.parseLong(m.group(1)));
        }
      }
      Map<String, Map<Integer, Integer>> units = units(sent);
      Map<String, Question> byTag = new HashMap<>();
      for (Question q : questions) {
        byTag.put(tag(q.text()), q);
        Map<Integer, Integer> counts = units.getOrDefault(tag(q.text()), Map.of());
        int expected = q.isLong() ? ScriptedAnswerer.LONG_SENTENCES : 1;
        if (counts.size() < expected) {
          f.lost++;
        }
        int extra = counts.values().stream().mapToInt(n -> n - 1).max().orElse(0);
        if (extra > 0) {
          f.duplicated.add((long) q.incoming().updateId());
          f.extraMessages += extra;
        }
      }
      // In each chat, every message belongs to the same question as the one before it or a later
      // one: an answer never comes after the next question's.
      Map<Long, Integer> lastIndex = new HashMap<>();
      for (FakeBotApi.Sent s : sent) {
        Question q = s.plain() == null ? null : byTag.get(tag(s.plain()));
        if (q == null || !s.method().equals("sendmessage")) {
          continue;
        }
        Matcher m = TAG.matcher(q.text());
        m.find();
        int index = Integer.parseInt(m.group(3));
        Integer previous = lastIndex.put(s.chatId(), index);
        if (previous != null && index < previous) {
          f.outOfOrder++;
        }
      }
      return f;
    }
  }
}
