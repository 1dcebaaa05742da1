package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.Generation;
import app.essayqa.answer.ShortAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code --json}: what a language model's answer cost and what its check found. */
class AnswerJsonTest {
  @Test
  void should_add_the_generation_only_when_a_language_model_was_asked() throws Exception {
    Answer quoted = new FakeAnswerer().ask("What links them?");
    Generation g =
        new Generation(
            "llama3.2",
            "What links them?",
            2,
            3,
            1,
            2,
            List.of("\"It drew \"5,000\" [1].\": quotes \"5,000\", which is not in passage [1]"),
            812,
            64,
            1430,
            95,
            Optional.of("twice, no sentence of it passed the citation check"));
    Answer generated =
        new Answer(
            quoted.question(),
            quoted.text(),
            false,
            quoted.citations(),
            List.of(),
            "v1",
            Map.of(),
            List.of(),
            Optional.of(g));

    JsonNode plain = new ObjectMapper().readTree(AnswerJson.line(quoted));
    JsonNode json = new ObjectMapper().readTree(AnswerJson.line(generated)).path("generation");

    assertThat(plain.has("generation")).isFalse();
    assertThat(json.path("model").asText()).isEqualTo("llama3.2");
    assertThat(json.path("attempts").asInt()).isEqualTo(2);
    assertThat(json.path("citationsMade").asInt()).isEqualTo(3);
    assertThat(json.path("citationsVerified").asInt()).isEqualTo(1);
    assertThat(json.path("quotesChecked").asInt()).isEqualTo(2);
    assertThat(json.path("dropped").get(0).asText()).contains("not in passage [1]");
    assertThat(json.path("tokensIn").asInt()).isEqualTo(812);
    assertThat(json.path("tokensOut").asInt()).isEqualTo(64);
    assertThat(json.path("modelMs").asLong()).isEqualTo(1430);
    assertThat(json.path("verifyMicros").asLong()).isEqualTo(95);
    assertThat(json.path("fallback").asText()).startsWith("twice");
  }

  @Test
  void should_print_the_short_answer_or_null_when_the_question_asks_for_no_typed_fact()
      throws Exception {
    Answer plain = new FakeAnswerer().ask("What links them?");
    Answer typed = plain.withShortAnswer(Optional.of(new ShortAnswer("December 2019", 1)));

    JsonNode none = new ObjectMapper().readTree(AnswerJson.line(plain));
    JsonNode some = new ObjectMapper().readTree(AnswerJson.line(typed));

    assertThat(none.has("short")).isTrue();
    assertThat(none.path("short").isNull()).isTrue();
    assertThat(some.path("short").asText()).isEqualTo("December 2019");
  }

  @Test
  void should_give_each_citation_its_page_or_null_for_a_document_without_pages() throws Exception {
    Answer unpaged = new FakeAnswerer().ask("What links them?");
    Citation c = unpaged.citations().get(0);
    Citation onPage =
        new Citation(
            c.n(),
            "essay.pdf",
            c.title(),
            c.section(),
            c.paragraph(),
            c.sentence(),
            c.start(),
            c.end(),
            c.quote(),
            c.score(),
            OptionalInt.of(3));
    Answer paged =
        new Answer(
            unpaged.question(),
            unpaged.text(),
            false,
            List.of(onPage),
            List.of(),
            "v1",
            Map.of(),
            List.of(),
            Optional.empty());

    JsonNode none = new ObjectMapper().readTree(AnswerJson.line(unpaged)).path("citations");
    JsonNode some = new ObjectMapper().readTree(AnswerJson.line(paged)).path("citations");

    assertThat(none.get(0).has("page")).isTrue();
    assertThat(none.get(0).path("page").isNull()).isTrue();
    assertThat(some.get(0).path("page").asInt()).isEqualTo(3);
    assertThat(onPage.locator()).isEqualTo("p. 3, ¶" + c.paragraph() + "." + c.sentence());
    assertThat(c.locator()).isEqualTo("¶" + c.paragraph() + "." + c.sentence());
  }
}
