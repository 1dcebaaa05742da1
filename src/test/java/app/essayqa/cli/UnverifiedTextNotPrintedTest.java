package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.generate.UnverifiedReplies;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL and {@code ask} print nothing of a model reply that failed, whatever failed. */
class UnverifiedTextNotPrintedTest {
  @TempDir Path dir;

  @Test
  void should_print_no_word_run_of_a_failed_reply_in_the_repl_or_ask() {
    UnverifiedReplies.Run run = UnverifiedReplies.all(dir, Runnable::run);

    for (UnverifiedReplies.Case c : run.cases()) {
      String wrapped = new AnswerView(Style.ANSI, 60).answer(c.answer());
      String plain = new AnswerView(Style.PLAIN, 0).answer(c.answer());
      assertThat(c.leakedInto(wrapped.replaceAll("\u001b\\[[0-9;]*m", "")))
          .as("%s: %s", c.name(), wrapped)
          .isEmpty();
      assertThat(c.leakedInto(plain)).as("%s: %s", c.name(), plain).isEmpty();
    }
  }
}
