package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.config.Config;
import app.essayqa.error.UsageException;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval} over a fake answerer: what it checks before running and how it prints. */
class EvaluationTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<String> asked = new ArrayList<>();

  @Test
  void should_refuse_a_report_dir_that_is_a_file_before_asking_anything() throws IOException {
    Path suite = suite("cases:\n  - {id: a, question: Where?, evidence: [in Seoul]}\n");
    Path file = Files.writeString(dir.resolve("report.txt"), "not a folder");

    assertThatThrownBy(() -> run(options(suite, Optional.of(file))))
        .isInstanceOf(UsageException.class)
        .hasMessage("--report-dir " + file + ": is a file, not a folder");
    assertThat(asked).isEmpty();
  }

  @Test
  void should_warn_before_running_about_evidence_that_occurs_in_no_seed_file() throws IOException {
    Path suite =
        suite(
            """
            cases:
              - id: typo
                question: Where did the workshop meet?
                evidence: ["met in Seol", "in Seoul in December 2019"]
              - id: found
                question: Who floated a partnership?
                evidence: ["Kei   Koga floated"]
            """);

    run(options(suite, Optional.empty()));

    assertThat(err.toString())
        .startsWith(
            "warning: "
                + suite
                + ":2: case typo: evidence \"met in Seol\" occurs in no seed file;"
                + " the case cannot hit\n")
        .doesNotContain("Koga", "December");
    assertThat(asked).contains("Where did the workshop meet?", "Who floated a partnership?");
  }

  @Test
  void should_show_escapes_in_suite_ids_and_expected_terms_instead_of_sending_them()
      throws IOException {
    Path suite =
        suite(
            "name: \"evil\\e]0;PWNED\\a\"\n"
                + "cases:\n"
                + "  - id: \"red\\e[31m\"\n"
                + "    question: Where?\n"
                + "    answer_contains: [\"\\e[2J\"]\n");

    run(options(suite, Optional.empty()));

    assertThat(out.toString())
        .contains("Suite evil^[]0;PWNED^G", "- red^[[31m:", "^[[2J")
        .doesNotContain("\u001b", "\u0007");
  }

  private void run(EvalOptions options) {
    Answerer.Opener opener = config -> new Seoul();
    new Evaluation(opener, options)
        .run(() -> Config.defaults(dir), new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private static EvalOptions options(Path suite, Optional<Path> reportDir) {
    return new EvalOptions(
        List.of(suite), 3, reportDir, List.of(), Map.of(), Optional.empty(), false, 50);
  }

  private Path suite(String yaml) throws IOException {
    return Files.writeString(dir.resolve("suite.yaml"), yaml, StandardCharsets.UTF_8);
  }

  /** Answers every question with the fixture's first sentence. */
  private final class Seoul implements Answerer {
    @Override
    public Answer ask(String question, Conversation conversation) {
      asked.add(question);
      return Fixtures.answer(
          "The workshop met in Seoul in December 2019. [1]",
          "The workshop met in Seoul in December 2019.");
    }

    @Override
    public Library library() {
      return new Library(
          List.of(new DocumentParser().parse(Fixtures.DOC_ID, Fixtures.TEXT)), List.of());
    }

    @Override
    public String indexVersion() {
      return "v1";
    }

    @Override
    public void close() {}
  }
}
