package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chatter around a question changes nothing of its answer: each of 20 answerable questions of the
 * shipped suite, wrapped in 10 kinds of chatter, is answered or refused as its plain form is, from
 * the same first sentence.
 */
class ChatterIT {
  private static final int QUESTIONS = 20;
  private static EssayQa qa;

  /** The kinds of chatter, each a wrapping of the plain question. */
  private static final Map<String, UnaryOperator<String>> CHATTER =
      Map.of(
          "greeting",
          q -> "Hi there! " + q,
          "politeness",
          q -> q + " Thanks in advance!",
          "html",
          q -> "<p>" + q + "</p> &nbsp;",
          "emoji",
          q -> q + " 🤔🙏",
          "hedge",
          q -> "I was wondering, " + q,
          "apology",
          q -> "hi! sorry if this is silly, but " + q,
          "sign-off",
          q -> q + " Cheers, bye!",
          "punctuation",
          q -> "... " + q.replaceFirst("\\?$", "") + "?!?!",
          "quoted",
          q -> "> an earlier message in the chat\n" + q,
          "markdown",
          q -> "**" + q + "** `lol`");

  @BeforeAll
  static void open() {
    qa = EssayQa.open(EssayQaIT.config());
  }

  @AfterAll
  static void close() {
    qa.close();
  }

  static Stream<Arguments> questions() throws IOException {
    JsonNode suite =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("src/main/resources/eval/essay.yaml").toFile());
    List<Arguments> args = new ArrayList<>();
    for (JsonNode c : suite.get("cases")) {
      if (!c.path("abstain").asBoolean(false) && args.size() < QUESTIONS) {
        args.add(Arguments.of(c.get("id").asText(), c.get("question").asText()));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("questions")
  void should_answer_a_question_wrapped_in_chatter_as_its_plain_form(String id, String question) {
    Answer plain = qa.ask(question);

    for (Map.Entry<String, UnaryOperator<String>> kind : CHATTER.entrySet()) {
      String wrapped = kind.getValue().apply(question);
      Answer answer = qa.ask(wrapped);

      assertThat(answer.abstained())
          .as(kind.getKey() + ": " + wrapped)
          .isEqualTo(plain.abstained());
      assertThat(answer.question()).isEqualTo(wrapped);
      if (!plain.abstained()) {
        assertThat(answer.citations().get(0).document() + "@" + answer.citations().get(0).start())
            .as(kind.getKey() + ": " + wrapped)
            .isEqualTo(
                plain.citations().get(0).document() + "@" + plain.citations().get(0).start());
        assertThat(answer.shortAnswer())
            .as(kind.getKey() + ": " + wrapped)
            .isEqualTo(plain.shortAnswer());
      }
    }
  }
}
