package app.essayqa.generate;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Generation;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A model reply that failed the check, or a server's error body, never reaches the answer, the note
 * under it or the log at INFO: what it said is kept for {@code :debug} and {@code --json} only.
 */
class UnverifiedTextNeverShownTest {
  @TempDir Path dir;

  @Test
  void should_keep_every_failed_reply_out_of_the_answer_the_note_and_the_log_at_info() {
    List<ILoggingEvent> info = new ArrayList<>();
    UnverifiedReplies.Run run = UnverifiedReplies.all(dir, compose -> logged(compose, info));

    assertThat(run.cases()).hasSize(14);
    for (UnverifiedReplies.Case c : run.cases()) {
      Generation g = c.answer().generation().orElseThrow();
      String note = g.notice().orElse("");
      assertThat(c.leakedInto(c.answer().text())).as("%s: answer", c.name()).isEmpty();
      assertThat(c.leakedInto(note)).as("%s: note %s", c.name(), note).isEmpty();
    }
    for (ILoggingEvent event : info) {
      for (UnverifiedReplies.Case c : run.cases()) {
        assertThat(c.leakedInto(event.getFormattedMessage()))
            .as("%s: log line %s", c.name(), event.getFormattedMessage())
            .isEmpty();
      }
    }
  }

  @Test
  void should_tell_the_user_the_kind_of_check_failure_and_keep_the_detail_for_debug() {
    UnverifiedReplies.Run run = UnverifiedReplies.all(dir, Runnable::run);

    assertThat(run.cases())
        .filteredOn(
            c ->
                List.of(
                        "a quote not in the passage it cites",
                        "a passage it was not given",
                        "no citation")
                    .contains(c.name()))
        .extracting(c -> c.answer().generation().orElseThrow().notice().orElseThrow())
        .containsExactly(
            "Note: the language model's answer could not be used (twice, no sentence of it passed"
                + " the citation check: it quoted words that are not in the passages it cited);"
                + " quoted instead.",
            "Note: the language model's answer could not be used (twice, no sentence of it passed"
                + " the citation check: it cited passages it was not given); quoted instead.",
            "Note: the language model's answer could not be used (twice, no sentence of it passed"
                + " the citation check: it cited no passage); quoted instead.");
    UnverifiedReplies.Case quote = run.cases().get(0);
    assertThat(quote.answer().generation().orElseThrow().dropped())
        .anySatisfy(d -> assertThat(d).contains("Ministry of Magic"));
  }

  @Test
  void should_show_the_verified_sentence_and_drop_only_the_one_that_failed() {
    UnverifiedReplies.Case mixed =
        UnverifiedReplies.all(dir, Runnable::run).cases().stream()
            .filter(c -> c.name().equals("one sentence verified, one not"))
            .findFirst()
            .orElseThrow();

    assertThat(mixed.answer().text()).isEqualTo("It began in Seoul in December 2019 [1].");
    assertThat(mixed.answer().generation().orElseThrow().notice()).isEmpty();
  }

  /** Runs {@code compose} with every event at INFO or above, ours and LangChain4j's, recorded. */
  private static void logged(Runnable compose, List<ILoggingEvent> info) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<Logger> loggers =
        List.of(
            root,
            (Logger) LoggerFactory.getLogger("app.essayqa"),
            (Logger) LoggerFactory.getLogger("dev.langchain4j"));
    List<Level> before = loggers.stream().map(Logger::getLevel).toList();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    loggers.forEach(l -> l.setLevel(Level.INFO));
    try {
      compose.run();
    } finally {
      root.detachAppender(logs);
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).setLevel(before.get(i));
      }
    }
    logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).forEach(info::add);
  }
}
