package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.generate.FakeOpenAiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facade with {@code answer.mode=llm}, the real model and index, and a fake OpenAI-compatible
 * server on 127.0.0.1: the evidence policy still runs first, the model's refusal becomes ours, and
 * the key is in no file the program writes.
 */
class EssayQaLlmIT {
  static final String KEY = "sk-facade-test-9a8b7c6d5e4f";
  static FakeOpenAiServer server;
  static EssayQa qa;

  @BeforeAll
  static void open() throws IOException {
    server = new FakeOpenAiServer();
    Config config =
        EssayQaIT.config()
            .with(ConfigKeys.ANSWER_MODE, "llm", "test")
            .with(ConfigKeys.LLM_BASE_URL, server.baseUrl(), "test")
            .with(ConfigKeys.LLM_MODEL, "fake-model", "test")
            .with(ConfigKeys.LLM_TIMEOUT, "2", "test");
    qa = EssayQaFactory.open(config, Map.of("ESSAYQA_LLM_API_KEY", KEY));
  }

  @AfterAll
  static void close() {
    qa.close();
    server.close();
  }

  @Test
  void should_show_the_models_verified_answer_streamed_sentence_by_sentence() {
    server.thenText("The workshop took place in Seoul [1]. It was held in Seoul [1].");
    List<String> streamed = new ArrayList<>();

    Answer answer = qa.ask("Where was the workshop held?", Conversation.empty(), streamed::add);

    assertThat(answer.abstained()).isFalse();
    assertThat(answer.text())
        .isEqualTo("The workshop took place in Seoul [1]. It was held in Seoul [1].");
    assertThat(streamed)
        .containsExactly("The workshop took place in Seoul [1].", "It was held in Seoul [1].");
    assertThat(answer.generation()).hasValueSatisfying(g -> assertThat(g.fallback()).isEmpty());
    assertThat(answer.citations().get(0).quote()).isNotBlank();
  }

  @Test
  void should_refuse_with_nearest_topics_when_the_model_finds_no_answer() {
    server.thenText("NOT IN THE ESSAY");

    Answer answer = qa.ask("Where was the workshop held?");

    assertThat(answer.abstained()).isTrue();
    assertThat(answer.text()).startsWith("The essay does not answer that");
    assertThat(answer.nearestTopics()).isNotEmpty();
    assertThat(answer.citations()).isEmpty();
  }

  @Test
  void should_not_call_the_model_for_a_question_the_evidence_policy_refuses() {
    int before = server.requests().size();

    Answer answer = qa.ask("What is the population of Osaka?");

    assertThat(answer.abstained()).isTrue();
    assertThat(server.requests()).hasSize(before);
  }

  @Test
  void should_write_the_key_into_no_file_under_the_cache() throws IOException {
    server.thenText("It was held in Seoul [1].");
    qa.ask("Where was the workshop held?");

    Path cache = qa.config().getPath(ConfigKeys.CACHE_DIR);
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
            .as(file.toString())
            .doesNotContain(KEY);
      }
    }
    assertThat(server.requests().get(server.requests().size() - 1).authorization())
        .isEqualTo("Bearer " + KEY);
  }
}
