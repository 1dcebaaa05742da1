package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Generation;
import app.essayqa.answer.SentenceStream;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A language model's answer in the REPL: printed sentence by sentence as it is checked, then the
 * sources; when the model stops half-way the quoted answer follows with its note.
 */
class ReplStreamingTest {
  static final String STREAMED_1 = "Both depend on trade [1].";
  static final String STREAMED_2 = "So they share worries [1].";

  /** Streams two sentences, then answers with {@code answer} built from the fake's own. */
  static final class Streaming extends FakeAnswerer {
    final boolean fallsBack;
    String screenWhenSecondStreamed;
    StringWriter screen;

    Streaming(boolean fallsBack) {
      this.fallsBack = fallsBack;
    }

    @Override
    public Answer ask(String question, Conversation conversation, SentenceStream stream) {
      stream.sentence(STREAMED_1);
      stream.sentence(STREAMED_2);
      screenWhenSecondStreamed = screen.toString();
      Answer quoted = ask(question);
      Generation g =
          new Generation(
              "tiny",
              question,
              1,
              2,
              2,
              0,
              List.of(),
              10,
              5,
              40,
              12,
              fallsBack ? Optional.of("no reply within llm.timeout, 1 s") : Optional.empty());
      return new Answer(
          question,
          fallsBack ? quoted.text() : STREAMED_1 + " " + STREAMED_2,
          false,
          quoted.citations(),
          List.of(),
          "v1",
          quoted.timingsMs(),
          quoted.evidence(),
          Optional.of(g));
    }
  }

  static String run(Streaming answerer, String input) {
    StringWriter screen = new StringWriter();
    answerer.screen = screen;
    PrintWriter out = new PrintWriter(screen, true);
    new Repl(
            answerer,
            LineSource.plain(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out))
        .run();
    return screen.toString();
  }

  @Test
  void should_print_each_sentence_as_it_streams_then_the_sources_once() {
    Streaming answerer = new Streaming(false);

    String shown = run(answerer, "What links them?\n:debug\n");

    assertThat(answerer.screenWhenSecondStreamed).isEqualTo(STREAMED_1 + " " + STREAMED_2);
    assertThat(shown).startsWith(STREAMED_1 + " " + STREAMED_2 + "\n\nSources from A Test Essay");
    assertThat(shown.split(java.util.regex.Pattern.quote(STREAMED_1), -1)).hasSize(2);
    assertThat(shown)
        .contains("language model tiny: 1 call, 40 ms, tokens in 10 / out 5, checks 12 µs")
        .contains("checked: 2 of 2 citations verified");
  }

  @Test
  void should_follow_a_stream_the_model_did_not_finish_with_the_quoted_answer_and_its_note() {
    String shown = run(new Streaming(true), "What links them?\n");

    assertThat(shown)
        .startsWith(STREAMED_1 + " " + STREAMED_2 + "\n\n" + FakeAnswerer.SECOND + " [1]\n")
        .contains(
            "Note: the language model's answer could not be used (no reply within llm.timeout,"
                + " 1 s); quoted instead.");
  }
}
