package app.essayqa.generate;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Composed;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The API key goes into the Authorization header and nowhere else: not into any log line at the
 * most talkative level (ours and LangChain4j's), not into a note or a record's text, even when the
 * server echoes it back in an error.
 */
class ApiKeySecrecyTest {
  static final String KEY = "sk-secret-0d1e2f3a4b5c6d7e";

  @TempDir Path dir;
  FakeOpenAiServer server;
  ListAppender<ILoggingEvent> logs;
  Level rootLevel;
  final java.util.Map<String, Level> levels = new java.util.HashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = new FakeOpenAiServer();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    for (String name : List.of("app.essayqa", "dev.langchain4j")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void stop() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    server.close();
  }

  @Test
  void should_never_put_the_key_in_logs_notes_or_records() {
    server
        .thenText("It began in Seoul [1].")
        .then(new FakeOpenAiServer.Status(401, "Incorrect API key provided: " + KEY, null))
        .then(new FakeOpenAiServer.Status(500, "upstream failed for key " + KEY, null))
        .then(new FakeOpenAiServer.Silent(2_000));
    Passages essay = Passages.in(dir);
    LlmSettings settings =
        new LlmSettings(
            server.baseUrl(), "tiny-model", Duration.ofMillis(500), 100, 0, Optional.of(KEY));
    LlmAnswerComposer composer =
        new LlmAnswerComposer(essay.extractive, new ChatClient(settings), 0);

    List<String> shown = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Composed c = composer.compose("Where did it begin?", essay.ranked(), List.of("begin"));
      shown.add(c.text());
      shown.add(String.valueOf(c.generation()));
      c.generation().flatMap(g -> g.notice()).ifPresent(shown::add);
    }
    shown.add(settings.toString());

    assertThat(server.requests()).hasSize(4);
    assertThat(server.requests().get(0).authorization()).isEqualTo("Bearer " + KEY);
    assertThat(shown).noneMatch(s -> s.contains(KEY));
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(KEY);
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        assertThat(t.getMessage()).doesNotContain(KEY);
      }
    }
  }

  @Test
  void should_read_the_key_from_the_environment_only_in_the_documented_order() {
    var config = app.essayqa.config.Config.defaults(dir);

    assertThat(LlmSettings.from(config, Map.of()).apiKey()).isEmpty();
    assertThat(LlmSettings.from(config, Map.of("OPENAI_API_KEY", "b")).apiKey()).hasValue("b");
    assertThat(
            LlmSettings.from(config, Map.of("OPENAI_API_KEY", "b", "ESSAYQA_LLM_API_KEY", "a"))
                .apiKey())
        .hasValue("a");
    assertThat(LlmSettings.from(config, Map.of("ESSAYQA_LLM_API_KEY", KEY)).toString())
        .doesNotContain(KEY)
        .contains("apiKey=<hidden>");
  }
}
