package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.ingest.Library;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loop at a terminal that a person resizes between questions. */
class ReplTest {
  private static final String SECTION =
      "Japan-South Korea Relations: A Reappraisal of Cooperation in a Changing Region";
  private static final String QUOTE =
      "Three spheres of possible cooperation stood out: non-traditional security, multilateralism"
          + " and technology, each of them discussed at length by the participants.";

  @Test
  void should_wrap_each_answer_at_the_width_the_terminal_has_when_it_is_printed() {
    // given: a terminal 100 columns wide for the first question, resized to 50 for the second
    ResizedTerminal terminal = new ResizedTerminal();
    terminal.type("Which spheres?", 100);
    terminal.type("And again?", 50);

    // when
    new Repl(new LongAnswers(), terminal).run();

    // then
    String[] answers = terminal.screen.toString().split("\n\n(?=Three)");
    assertThat(answers).hasSize(2);
    assertThat(widest(answers[0])).isGreaterThan(50).isLessThanOrEqualTo(100);
    assertThat(widest(answers[1])).isLessThanOrEqualTo(50);
  }

  @Test
  void should_wrap_the_line_that_names_a_source_with_its_continuation_under_its_text() {
    String shown = new AnswerView(Style.PLAIN, 50).answer(new LongAnswers().ask("Which?"));

    assertThat(widest(shown)).isLessThanOrEqualTo(50);
    assertThat(shown).contains("  [1] Japan-South Korea Relations: A Reappraisal\n      of");
  }

  private static int widest(String text) {
    return text.lines().mapToInt(String::length).max().orElse(0);
  }

  /** A terminal whose width is set as each line is typed, as a resize between questions does. */
  private static final class ResizedTerminal implements LineSource {
    private final Deque<String> typed = new ArrayDeque<>();
    private final Deque<Integer> widths = new ArrayDeque<>();
    private final StringWriter screen = new StringWriter();
    private int width = 80;

    void type(String line, int widthWhenTyped) {
      typed.add(line);
      widths.add(widthWhenTyped);
    }

    @Override
    public String readLine() {
      if (typed.isEmpty()) {
        return null;
      }
      width = widths.remove();
      return typed.remove();
    }

    @Override
    public PrintWriter writer() {
      return new PrintWriter(screen, true);
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public Style style() {
      return Style.PLAIN;
    }

    @Override
    public void close() {}
  }

  /** Every question gets the same long answer quoting one long sentence. */
  private static final class LongAnswers implements Answerer {
    @Override
    public Answer ask(String question, Conversation conversation) {
      Citation c =
          new Citation(
              1, "essay.txt", "A Title", SECTION, 8, 5, 100, 100 + QUOTE.length(), QUOTE, 0.5);
      return new Answer(
          question,
          QUOTE + " [1]",
          false,
          List.of(c),
          List.of(),
          "v1",
          Map.of("total", 3L),
          List.of());
    }

    @Override
    public Library library() {
      return FakeAnswerer.essay();
    }

    @Override
    public String indexVersion() {
      return "v1";
    }

    @Override
    public void close() {}
  }
}
