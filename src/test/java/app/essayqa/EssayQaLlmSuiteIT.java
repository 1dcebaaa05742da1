package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.answer.Answer;
import app.essayqa.answer.SentenceStream;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.eval.EvalOptions;
import app.essayqa.eval.Evaluation;
import app.essayqa.generate.FakeOpenAiServer;
import app.essayqa.ingest.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The shipped suite in {@code answer.mode=llm} against a fake model that, to every question, writes
 * one sentence quoting its first passage verbatim, one quoting words no passage holds and one
 * citing a passage it was not given: the check must keep the first and drop the other two in every
 * answer, so that no unverified quote is ever shown. Prints the suite's figures.
 */
class EssayQaLlmSuiteIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String FABRICATED = "signed on the far side of the moon";

  /** The fake model: reads the passages from the grounded prompt's JSON. */
  static String reply(FakeOpenAiServer.Request request) {
    try {
      JsonNode data = MAPPER.readTree(request.messages().get(1));
      String first = data.path("passages").path(0).path("text").asText();
      String[] words = first.split(" ");
      String quote = String.join(" ", Arrays.copyOfRange(words, 0, Math.min(words.length, 7)));
      return "The essay says \""
          + quote
          + "\" [1]. It adds that it was \""
          + FABRICATED
          + "\" [2]. Everyone agreed [9].";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void should_show_no_unverified_quote_in_any_answer_of_the_shipped_suite() throws IOException {
    List<Answer> shown = new CopyOnWriteArrayList<>();
    StringWriter out = new StringWriter();
    try (FakeOpenAiServer server = new FakeOpenAiServer()) {
      server.otherwise(EssayQaLlmSuiteIT::reply);
      Config config =
          EssayQaIT.config()
              .with(ConfigKeys.ANSWER_MODE, "llm", "test")
              .with(ConfigKeys.LLM_BASE_URL, server.baseUrl(), "test")
              .with(ConfigKeys.LLM_TIMEOUT, "5", "test");
      Answerer.Opener opener = c -> new Recording(EssayQaFactory.open(c, Map.of()), shown);

      new Evaluation(
              opener,
              new EvalOptions(
                  List.of(), 3, Optional.empty(), List.of(), Map.of(), Optional.empty(), false, 0))
          .run(() -> config, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    String report = out.toString();
    System.out.println(
        report.substring(
            0, report.indexOf("Gates:") > 0 ? report.indexOf("Gates:") : report.length()));
    List<Answer> generated = shown.stream().filter(a -> a.generation().isPresent()).toList();
    assertThat(generated).isNotEmpty();
    System.out.println(
        "the model was asked for "
            + generated.size()
            + " of "
            + shown.size()
            + " answers (warm-up included); the rest the evidence policy refused");
    for (Answer a : shown) {
      assertThat(a.text()).as(a.question()).doesNotContain(FABRICATED, "[9]", "Everyone agreed");
    }
    assertThat(generated)
        .allSatisfy(
            a -> {
              assertThat(a.generation().get().fallback()).isEmpty();
              assertThat(a.text()).startsWith("The essay says \"").endsWith("[1].");
              assertThat(a.generation().get().dropped()).hasSize(2);
            });
    assertThat(report)
        .containsPattern("faithful")
        .containsPattern("all\\s+88\\s")
        .contains("verified: model citations");
  }

  /** The facade, keeping every answer it gives. */
  private record Recording(EssayQa qa, List<Answer> shown) implements Answerer {
    @Override
    public Answer ask(String question, Conversation conversation) {
      return ask(question, conversation, SentenceStream.NONE);
    }

    @Override
    public Answer ask(String question, Conversation conversation, SentenceStream stream) {
      Answer a = qa.ask(question, conversation, stream);
      shown.add(a);
      return a;
    }

    @Override
    public Library library() {
      return qa.library();
    }

    @Override
    public String indexVersion() {
      return qa.indexVersion();
    }

    @Override
    public void close() {
      qa.close();
    }
  }
}
