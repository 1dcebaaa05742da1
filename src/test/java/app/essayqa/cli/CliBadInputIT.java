package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.EssayQa;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.ingest.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad inputs of issue 2 through the real command line and the real facade: each gets a clear
 * answer or message, exit code 0 (or 2 for a broken seeds folder), and no stack trace. Facades are
 * opened once per configuration and shared, as loading the model takes a second.
 */
@Timeout(120)
class CliBadInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CACHE = "--set";
  private static final String CACHE_DIR = "cache.dir=target/test-cache";
  private static final Map<Config, Answerer> OPEN = new HashMap<>();

  /** Opens each configuration's facade once; the commands' close() leaves it open for the next. */
  private static final Answerer.Opener SHARED =
      config -> {
        Answerer source = OPEN.computeIfAbsent(config, EssayQa::open);
        return new Answerer() {
          @Override
          public Answer ask(String question) {
            return source.ask(question);
          }

          @Override
          public Answer ask(String question, Conversation conversation) {
            return source.ask(question, conversation);
          }

          @Override
          public Library library() {
            return source.library();
          }

          @Override
          public String indexVersion() {
            return source.indexVersion();
          }

          @Override
          public void close() {}
        };
      };

  @AfterAll
  static void closeFacades() {
    OPEN.values().forEach(Answerer::close);
  }

  static Stream<Arguments> badQuestions() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("whitespace", "   \t  "),
        Arguments.of(
            "20,000 characters", "What about Japan and Korea? ".repeat(715).substring(0, 20_000)),
        Arguments.of("only emoji", "😀🎉🔥🇯🇵🇰🇷"),
        Arguments.of("only punctuation", "?!?!... ;;; ---"),
        Arguments.of("control characters", "Who\u0000 wrote\u0007 the\r\n essay\u0008?"),
        Arguments.of("ANSI escapes", "\u001b[31mWhat about Japan?\u001b[0m\u001b[2J"),
        Arguments.of("right-to-left Hebrew", "מה המאמר אומר על יפן?"),
        Arguments.of("right-to-left Arabic", "ماذا يقول المقال عن اليابان؟"),
        Arguments.of("Chinese", "日本和韩国的关系如何？"),
        Arguments.of("Korean", "한국과 일본의 관계는 어떻습니까?"),
        Arguments.of("Japanese", "この論文の著者は誰ですか？"),
        Arguments.of(":quit inside text", "What does the essay say before I :quit reading?"),
        Arguments.of("looks like an option", "--json"),
        Arguments.of("looks like a REPL command", ":sources"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQuestions")
  void should_answer_or_abstain_clearly_in_json(String name, String question) throws Exception {
    Run run = cli("ask", "--json", CACHE, CACHE_DIR, "--", question);

    assertThat(run.code).as(run.err).isZero();
    assertNoStackTrace(run);
    assertThat(run.out.lines()).hasSize(1);
    JsonNode answer = JSON.readTree(run.out);
    assertThat(answer.get("question").asText()).isEqualTo(question);
    assertThat(answer.get("answer").asText()).isNotBlank();
    assertQuotesAreVerbatim(answer);
    if (answer.get("abstained").asBoolean()) {
      assertThat(answer.get("citations")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badQuestions")
  void should_print_plain_answers_without_escape_codes(String name, String question) {
    Run run = cli("ask", CACHE, CACHE_DIR, "--", question);

    assertThat(run.code).as(run.err).isZero();
    assertNoStackTrace(run);
    assertThat(run.out).isNotBlank().doesNotContain("\u001b", "\u0000", "\u0007");
  }

  @Test
  void should_answer_a_batch_of_bad_questions_in_order_from_one_file(@TempDir Path dir)
      throws Exception {
    List<String> questions = new ArrayList<>();
    badQuestions()
        .map(a -> (String) a.get()[1])
        .filter(q -> !q.isBlank() && !q.contains("\n") && !q.contains("\r"))
        .forEach(questions::add);
    Path file = dir.resolve("questions.txt");
    Files.write(file, questions, StandardCharsets.UTF_8);

    Run run = cli("ask", "--json", "--file", file.toString(), CACHE, CACHE_DIR);

    assertThat(run.code).as(run.err).isZero();
    assertNoStackTrace(run);
    List<String> echoed = new ArrayList<>();
    for (String line : run.out.lines().toList()) {
      echoed.add(JSON.readTree(line).get("question").asText());
    }
    assertThat(echoed).containsExactlyElementsOf(questions);
  }

  @Test
  void should_answer_the_same_question_the_same_way() throws Exception {
    String question = "What does the essay say about history between Japan and Korea?";

    JsonNode first = JSON.readTree(cli("ask", "--json", CACHE, CACHE_DIR, question).out);
    JsonNode second = JSON.readTree(cli("ask", "--json", CACHE, CACHE_DIR, question).out);

    ((com.fasterxml.jackson.databind.node.ObjectNode) first).remove("timingsMs");
    ((com.fasterxml.jackson.databind.node.ObjectNode) second).remove("timingsMs");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void should_skip_a_binary_seed_file_with_a_warning_naming_it(@TempDir Path seeds)
      throws Exception {
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
      }
    }
    byte[] binary = new byte[2048];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    Files.write(seeds.resolve("picture.txt"), binary);

    Run run =
        cli(
            "ask",
            "--json",
            CACHE,
            CACHE_DIR,
            "--set",
            "seeds.dir=" + seeds,
            "Who wrote the essay?");

    assertThat(run.code).as(run.err).isZero();
    assertNoStackTrace(run);
    assertThat(run.err).contains("picture.txt");
    assertThat(JSON.readTree(run.out).get("answer").asText()).isNotBlank();
  }

  @Test
  void should_exit_2_with_a_clear_message_for_a_missing_seeds_folder(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-seeds");

    Run run = cli("ask", CACHE, CACHE_DIR, "--set", "seeds.dir=" + missing, "Who wrote it?");

    assertThat(run.code).isEqualTo(2);
    assertNoStackTrace(run);
    assertThat(run.err).startsWith("error: ").contains(missing.toString());
    assertThat(run.out).isEmpty();
  }

  @Test
  void should_exit_2_with_a_clear_message_for_an_empty_seeds_folder(@TempDir Path seeds) {
    Run run = cli("ask", CACHE, CACHE_DIR, "--set", "seeds.dir=" + seeds, "Who wrote it?");

    assertThat(run.code).isEqualTo(2);
    assertNoStackTrace(run);
    assertThat(run.err).startsWith("error: ").contains(seeds.toString());
  }

  @Test
  void should_run_a_piped_repl_session_with_commands() {
    String input =
        "What does the essay say about history between Japan and Korea?\n"
            + ":sources\n:debug\nWhat is the GDP of South Korea?\n:quit\nNever asked?\n";

    Run run = cliWithInput(input, "repl", CACHE, CACHE_DIR);

    assertThat(run.code).as(run.err).isZero();
    assertNoStackTrace(run);
    assertThat(run.out)
        .contains("Sources from ", "¶", "characters ")
        .contains("rank", "dense", "bm25", "tokens", "fused", "matched terms")
        .contains("does not answer")
        .doesNotContain("\u001b", "Never asked");
  }

  private static void assertQuotesAreVerbatim(JsonNode answer) throws Exception {
    for (JsonNode c : answer.get("citations")) {
      String text =
          Files.readString(Path.of("seeds", c.get("document").asText()), StandardCharsets.UTF_8);
      assertThat(text.substring(c.get("start").asInt(), c.get("end").asInt()))
          .isEqualTo(c.get("quote").asText());
    }
  }

  private static void assertNoStackTrace(Run run) {
    assertThat(run.err).doesNotContain("\tat ", "Exception", "internal error");
  }

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    return cliWithInput("", args);
  }

  /** Runs the command line, capturing its writers and also System.err, where logging goes. */
  private static synchronized Run cliWithInput(String input, String... args) {
    PrintStream realErr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    try {
      Cli.Result result = Cli.runWithInput(SHARED, input, args);
      return new Run(
          result.code(), result.out(), result.err() + logged.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(realErr);
    }
  }
}
