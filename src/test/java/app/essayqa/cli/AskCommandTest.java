package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.answer.Answer;
import app.essayqa.error.EssayQaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AskCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeAnswerer fake = new FakeAnswerer();

  @Test
  void should_print_answer_then_sources_with_title_section_locator_offsets_and_quote() {
    Cli.Result result = Cli.run(fake.opener(), "ask", "What", "links", "them?");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("What links them?");
    int start = FakeAnswerer.TEXT.indexOf(FakeAnswerer.SECOND);
    assertThat(result.out())
        .startsWith(FakeAnswerer.SECOND + " [1]\n")
        .contains("Sources from " + FakeAnswerer.TITLE + " (" + FakeAnswerer.FILE + "):")
        .contains(
            "  [1] "
                + FakeAnswerer.SECTION
                + ", ¶1.2, characters "
                + start
                + "–"
                + (start + FakeAnswerer.SECOND.length()))
        .contains("\"" + FakeAnswerer.SECOND + "\"")
        .doesNotContain("\u001b");
    assertThat(fake.closed).isTrue();
  }

  @Test
  void should_say_plainly_when_not_answered_and_name_the_nearest_topics() {
    Cli.Result result = Cli.run(fake.opener(), "ask", "What is the GDP of Korea?");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("The essay does not say.")
        .contains(
            "Topics the essay does cover:", "  - Alliances in East Asia", "  - Trade with China")
        .doesNotContain("Sources");
  }

  /** An answerer that abstains on every question, saying {@code statement} of it. */
  private static Answerer.Opener abstaining(Function<String, String> statement) {
    return config ->
        new FakeAnswerer() {
          @Override
          public Answer ask(String question) {
            Answer refusal = super.ask("GDP");
            return new Answer(
                question,
                statement.apply(question),
                true,
                List.of(),
                refusal.nearestTopics(),
                "v1",
                refusal.timingsMs(),
                List.of());
          }
        };
  }

  @Test
  void should_not_repeat_topics_the_statement_already_names() {
    Answerer.Opener naming =
        abstaining(q -> "Not in the essay. Nearest: Alliances in East Asia; Trade with China");

    Cli.Result result = Cli.run(naming, "ask", "GDP?");

    assertThat(result.out()).doesNotContain("Topics the essay does cover");
    assertThat(result.out()).containsOnlyOnce("Alliances in East Asia");
  }

  @Test
  void should_print_exactly_the_documented_json_shape() throws Exception {
    Cli.Result result = Cli.run(fake.opener(), "ask", "--json", "What links them?");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines()).hasSize(1);
    JsonNode node = JSON.readTree(result.out());
    assertThat(names(node))
        .containsExactly(
            "question",
            "answer",
            "abstained",
            "short",
            "citations",
            "nearestTopics",
            "index",
            "timingsMs");
    assertThat(node.get("question").asText()).isEqualTo("What links them?");
    assertThat(node.get("abstained").isBoolean()).isTrue();
    JsonNode citation = node.get("citations").get(0);
    assertThat(names(citation))
        .containsExactly(
            "n",
            "document",
            "section",
            "paragraph",
            "sentence",
            "page",
            "start",
            "end",
            "quote",
            "score");
    assertThat(citation.get("quote").asText())
        .isEqualTo(
            FakeAnswerer.TEXT.substring(
                citation.get("start").asInt(), citation.get("end").asInt()));
    assertThat(citation.get("paragraph").asInt()).isEqualTo(1);
    assertThat(citation.get("sentence").asInt()).isEqualTo(2);
    assertThat(node.get("index").get("version").asText()).isEqualTo("v1");
    assertThat(node.get("timingsMs").get("total").asLong()).isEqualTo(7);
  }

  @Test
  void should_answer_a_file_of_questions_in_input_order_one_json_line_each(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("questions.txt");
    Files.writeString(
        file,
        "\uFEFFFirst question?\r\n\nWhat is the GDP?\n  \nThird – ünïcödé 質問?\n",
        StandardCharsets.UTF_8);

    Cli.Result result = Cli.run(fake.opener(), "ask", "--json", "--file", file.toString());

    assertThat(result.code()).isZero();
    List<String> questions = new ArrayList<>();
    for (String line : result.out().lines().toList()) {
      questions.add(JSON.readTree(line).get("question").asText());
    }
    assertThat(questions)
        .containsExactly("First question?", "What is the GDP?", "Third – ünïcödé 質問?");
    assertThat(fake.asked).containsExactlyElementsOf(questions);
  }

  @Test
  void should_read_questions_from_stdin_with_dash() throws Exception {
    Cli.Result result =
        Cli.runWithInput(fake.opener(), "one?\ntwo?\nthree?\n", "ask", "--json", "-f", "-");

    assertThat(result.code()).isZero();
    assertThat(result.out().lines().map(l -> parse(l).get("question").asText()))
        .containsExactly("one?", "two?", "three?");
  }

  @Test
  void should_ask_a_question_that_looks_like_an_option_after_double_dash() {
    Cli.Result result = Cli.run(fake.opener(), "ask", "--", "--json");

    assertThat(result.code()).isZero();
    assertThat(fake.asked).containsExactly("--json");
    assertThat(result.out()).doesNotStartWith("{");
  }

  static Stream<Arguments> usageMistakes() {
    return Stream.of(
        Arguments.of(
            List.of("ask"),
            "error: give a question, or --file FILE with one question per line"
                + " (see 'essay-qa ask --help')"),
        Arguments.of(
            List.of("ask", "--file", "-", "why?"),
            "error: give either a question or --file, not both (see 'essay-qa ask --help')"),
        Arguments.of(
            List.of("ask", "--file", "{dir}/nope.txt"),
            "error: cannot read questions file {dir}/nope.txt: no such file"),
        Arguments.of(
            List.of("ask", "--file", "{dir}"),
            "error: cannot read questions file {dir}: it is a folder"));
  }

  @ParameterizedTest
  @MethodSource("usageMistakes")
  void should_exit_2_with_one_line_before_opening_the_facade(
      List<String> args, String message, @TempDir Path dir) {
    Cli.Result result =
        Cli.run(
            Cli.never(),
            args.stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(message.replace("{dir}", dir.toString()) + "\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void should_answer_every_line_of_a_file_with_a_byte_that_is_not_utf8_and_name_the_line(
      @TempDir Path dir) throws Exception {
    // given: 300 questions, then one with a Latin-1 byte, then one more
    Path file = dir.resolve("questions.txt");
    byte[] bad = "Who is \u00ff Howe?\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] good = "What links them?\n".repeat(300).getBytes(StandardCharsets.UTF_8);
    Files.write(file, good);
    Files.write(file, bad, java.nio.file.StandardOpenOption.APPEND);
    Files.write(
        file, "Last?\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

    // when
    Cli.Result result = Cli.run(fake.opener(), "ask", "--json", "--file", file.toString());

    // then
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out().lines()).hasSize(302);
    assertThat(fake.asked).contains("Who is \uFFFD Howe?", "Last?");
    assertThat(result.err())
        .isEqualTo(
            "warning: questions file "
                + file
                + ", line 301: not UTF-8; bad bytes replaced with \uFFFD\n");
  }

  static Stream<Arguments> openFailures() {
    return Stream.of(
        Arguments.of(
            new EssayQaException("seeds folder /x/seeds does not exist"),
            2,
            "error: seeds folder /x/seeds does not exist"),
        Arguments.of(
            new IllegalStateException("boom"),
            3,
            "internal error: java.lang.IllegalStateException: boom"));
  }

  @ParameterizedTest
  @MethodSource("openFailures")
  void should_turn_a_failure_into_one_line_and_an_exit_code_without_a_stack_trace(
      RuntimeException failure, int code, String message) {
    Cli.Result result =
        Cli.run(
            config -> {
              throw failure;
            },
            "ask",
            "why?");

    assertThat(result.code()).isEqualTo(code);
    assertThat(result.err().lines().findFirst()).hasValue(message);
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void should_strip_terminal_escapes_from_plain_output() {
    Answerer.Opener echoing = abstaining(q -> "Not answered: " + q);

    Cli.Result result = Cli.run(echoing, "ask", "\u001b[31mred\u001b[0m\u0007?");

    assertThat(result.out())
        .startsWith("Not answered: ^[[31mred^[[0m^G?")
        .doesNotContain("\u001b", "\u0007");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
