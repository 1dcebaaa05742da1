package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;

/** "Typing" while a language model writes: repeated until the answer is ready, then no more. */
class SideCallsTest {
  @Test
  void should_repeat_a_side_call_until_closed_and_never_after() throws Exception {
    try (FakeBotApi fake = new FakeBotApi();
        BotApi api =
            new BotApi(FakeBotApi.TOKEN, java.net.URI.create(fake.url()), Duration.ofSeconds(1));
        SideCalls side = new SideCalls(api, 1)) {
      SendChatAction typing = SendChatAction.builder().chatId(7L).action("typing").build();

      SideCalls.Repeating repeating = side.every("typing", typing, 100);
      fake.awaitCalls("sendChatAction", 3, Duration.ofSeconds(5));
      repeating.close();
      int afterClose = fake.calls("sendChatAction");
      Thread.sleep(350);

      assertThat(afterClose).isGreaterThanOrEqualTo(3);
      // At most one call that was already on its way when the handle closed.
      assertThat(fake.calls("sendChatAction")).isBetween(afterClose, afterClose + 1);
    }
  }
}
