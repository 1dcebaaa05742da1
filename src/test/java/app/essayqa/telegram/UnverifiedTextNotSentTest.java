package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.generate.UnverifiedReplies;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Telegram answer carries nothing of a model reply that failed, whatever failed. */
class UnverifiedTextNotSentTest {
  @TempDir Path dir;

  @Test
  void should_send_no_word_run_of_a_failed_reply_in_the_telegram_message() {
    UnverifiedReplies.Run run = UnverifiedReplies.all(dir, Runnable::run);
    AnswerFormatter formatter = new AnswerFormatter(run.library());

    for (UnverifiedReplies.Case c : run.cases()) {
      String html = formatter.answer(c.answer()).html();
      assertThat(c.leakedInto(html.replaceAll("<[^>]+>|&[#a-z0-9]+;", " ")))
          .as("%s: %s", c.name(), html)
          .isEmpty();
    }
  }
}
