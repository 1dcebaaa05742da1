package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatDispatcherTest {
  @Test
  void should_run_each_chats_tasks_in_order_and_go_on_after_one_throws() throws Exception {
    // The failures are the point of this test; keep them out of the build log.
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ChatDispatcher.class);
    ch.qos.logback.classic.Level before = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.OFF);
    try {
      runsInOrderDespiteFailures();
    } finally {
      log.setLevel(before);
    }
  }

  private void runsInOrderDespiteFailures() throws Exception {
    Map<Long, List<Integer>> seen = Collections.synchronizedMap(new HashMap<>());
    CountDownLatch all = new CountDownLatch(5 * 40);
    try (ChatDispatcher dispatcher = new ChatDispatcher(3)) {
      for (int i = 0; i < 40; i++) {
        for (long chat = 1; chat <= 5; chat++) {
          int n = i;
          long c = chat;
          dispatcher.submit(
              chat,
              () -> {
                seen.computeIfAbsent(c, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(n);
                all.countDown();
                if (n % 7 == 0) {
                  throw new IllegalStateException("handler bug");
                }
              });
        }
      }

      assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    }
    for (long chat = 1; chat <= 5; chat++) {
      assertThat(seen.get(chat)).as("chat %d", chat).isSorted().hasSize(40);
    }
  }

  @Test
  void should_not_hold_other_chats_behind_a_slow_one() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(10);
    try (ChatDispatcher dispatcher = new ChatDispatcher(2)) {
      dispatcher.submit(
          1,
          () -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      for (long chat = 2; chat <= 11; chat++) {
        dispatcher.submit(chat, fastDone::countDown);
      }

      assertThat(fastDone.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
    }
  }

  @Test
  void should_drop_tasks_not_started_when_closed() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ChatDispatcher dispatcher = new ChatDispatcher(1);
    dispatcher.submit(
        1,
        () -> {
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ran.add("first");
        });
    dispatcher.submit(1, () -> ran.add("second"));
    dispatcher.submit(2, () -> ran.add("other"));
    started.await(10, TimeUnit.SECONDS);

    // The first task is still running when close() drops the rest: it never gets released, so
    // close() interrupts it once the grace is over.
    dispatcher.close(Duration.ofMillis(200));

    assertThat(ran).containsExactly("first");
  }
}
