package app.essayqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.index.IndexMemoryExhausted;
import app.essayqa.ingest.Library;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line at its edges: closed pipes, bare options, usage lines, hostile values. */
class MainTest {
  private final List<String> asked = new ArrayList<>();
  private final List<Config> opened = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  @Test
  void should_stop_at_the_first_write_into_a_closed_pipe_and_exit_quietly() {
    // given: ./essay-qa ask --json --file many.txt | head -c 100
    String questions = "Who wrote the essay?\n".repeat(300);
    PrintWriter out = StandardOutput.writer(new ReaderGoesAway(100, "Broken pipe"));

    // when
    int code = run(out, questions, "ask", "--json", "--file", "-");

    // then
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(asked).hasSizeLessThan(5);
  }

  @Test
  void should_say_in_one_line_when_output_fails_for_another_reason() {
    PrintWriter out = StandardOutput.writer(new ReaderGoesAway(100, "No space left on device"));

    int code = run(out, "Who?\n".repeat(300), "ask", "--file", "-");

    assertThat(code).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(err.toString())
        .isEqualTo("error: cannot write to standard output: no space left on device\n");
    assertThat(asked).hasSizeLessThan(5);
  }

  @Test
  void should_take_options_without_a_subcommand_as_options_of_the_repl() {
    int code = run(new PrintWriter(new StringWriter()), "Who?\n", "--set", "retrieval.top-k=5");

    assertThat(code).as(err.toString()).isZero();
    assertThat(asked).containsExactly("Who?");
    assertThat(opened.get(0).getInt(ConfigKeys.RETRIEVAL_TOP_K)).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ask|error: give a question, or --file FILE with one question per line"
            + " (see 'essay-qa ask --help')",
        "asl|error: unknown command 'asl'; did you mean 'ask'? (see 'essay-qa --help')",
        "ask --bogus x|error: Unknown option: '--bogus' (see 'essay-qa ask --help')",
        "config --set retrieval.top-k|error: Value for option '--set' (KEY=VALUE) should be in"
            + " KEY=VALUE format but was retrieval.top-k (see 'essay-qa config --help')",
        "--bogus|error: Unknown option: '--bogus' (see 'essay-qa repl --help')",
      })
  void should_report_a_usage_mistake_in_one_line(String args, String line) {
    int code = run(new PrintWriter(new StringWriter()), "", args.split(" "));

    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString()).isEqualTo(line + "\n");
    assertThat(asked).isEmpty();
  }

  @Test
  void should_show_an_escape_in_a_setting_instead_of_sending_it_to_the_terminal() {
    int code =
        run(
            new PrintWriter(new StringWriter()),
            "",
            "config",
            "--set",
            "retrieval.top-k=\u001b[31m");

    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .isEqualTo(
            "error: --set: bad value '^[[31m' for retrieval.top-k: expected a whole number\n");
  }

  @Test
  void should_name_the_file_and_the_heap_option_in_one_line_when_indexing_runs_out_of_memory() {
    Answerer.Opener full =
        config -> {
          throw new IndexMemoryExhausted("bash.1.txt", 357_000);
        };

    int code = run(full, new PrintWriter(new StringWriter()), "", "ask", "Who?");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("error: out of memory while indexing bash.1.txt")
                    .contains("ESSAYQA_JAVA_OPTS=-Xmx"));
  }

  @Test
  void should_say_in_one_line_when_memory_runs_out_anywhere_else() {
    Answerer.Opener full =
        config -> {
          throw new OutOfMemoryError("Java heap space");
        };

    int code = run(full, new PrintWriter(new StringWriter()), "", "ask", "Who?");

    assertThat(code).isEqualTo(3);
    assertThat(err.toString().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("out of memory", "ESSAYQA_JAVA_OPTS=-Xmx"));
  }

  private int run(PrintWriter out, String stdin, String... args) {
    Answerer.Opener opener =
        config -> {
          opened.add(config);
          return new Echo();
        };
    return run(opener, out, stdin, args);
  }

  private int run(Answerer.Opener opener, PrintWriter out, String stdin, String... args) {
    CommandFactory factory =
        new CommandFactory(
            opener, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return Main.run(args, out, new PrintWriter(err, true), factory);
  }

  /** Accepts {@code limit} bytes, then fails every write as a closed pipe or a full disk does. */
  private static final class ReaderGoesAway extends OutputStream {
    private final int limit;
    private final String reason;
    private int written;

    ReaderGoesAway(int limit, String reason) {
      this.limit = limit;
      this.reason = reason;
    }

    @Override
    public void write(int b) throws IOException {
      if (++written > limit) {
        throw new IOException(reason);
      }
    }
  }

  /** Answers every question with a refusal naming it. */
  private final class Echo implements Answerer {
    @Override
    public Answer ask(String question, Conversation conversation) {
      asked.add(question);
      return new Answer(
          question,
          "The essay does not say: " + question,
          true,
          List.of(),
          List.of(),
          "v1",
          Map.of("total", 1L),
          List.of());
    }

    @Override
    public Library library() {
      return new Library(List.of(), List.of());
    }

    @Override
    public String indexVersion() {
      return "v1";
    }

    @Override
    public void close() {}
  }
}
