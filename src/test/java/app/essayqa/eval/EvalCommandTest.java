package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.launcher.ExitCode;
import app.essayqa.launcher.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's user mistakes: each is one line on stderr and exit 2, before any model loads. */
class EvalCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path suite(String yaml) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private void assertOneLineError(int code, String message) {
    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .contains(message)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(err.toString().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void should_reject_a_malformed_suite_with_file_and_line() throws IOException {
    Path file = suite("cases:\n  - id: a\n    question: Where?\n    evidnce: [x]\n");

    assertOneLineError(run("eval", file.toString()), file + ":4: evidnce: unknown key");
  }

  @Test
  void should_reject_a_missing_suite_file() {
    assertOneLineError(run("eval", dir.resolve("none.yaml").toString()), "no such suite file");
  }

  @Test
  void should_reject_a_bad_threshold_option() throws IOException {
    Path file = suite("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertOneLineError(
        run("eval", file.toString(), "--threshold", "hits@3=0.9"), "unknown metric 'hits'");
  }

  @Test
  void should_reject_a_threshold_on_a_tag_no_case_carries() throws IOException {
    Path file = suite("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertOneLineError(
        run("eval", file.toString(), "--threshold", "answered[nope]=0.9"),
        "no case of suite s carries tag 'nope'");
  }

  @Test
  void should_reject_a_malformed_sweep_and_an_unknown_sweep_key() throws IOException {
    Path file = suite("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertOneLineError(
        run("eval", file.toString(), "--sweep", "retrieval.top-k"), "--sweep expects KEY=V1,V2");
  }

  @Test
  void should_reject_a_sweep_over_an_unknown_key() throws IOException {
    Path file = suite("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertOneLineError(
        run("eval", file.toString(), "--sweep", "retrieval.topk=1,2"),
        "unknown key 'retrieval.topk'");
  }

  @Test
  void should_reject_a_comparison_with_a_report_of_another_suite() throws IOException {
    Path file = suite("name: s\ncases:\n  - {id: a, question: q, abstain: true}\n");
    Path report = dir.resolve("other.json");
    Files.writeString(
        report, "{\"suite\": \"other\", \"metrics\": {\"hit@3\": 0.5}, \"cases\": []}");

    assertOneLineError(
        run("eval", file.toString(), "--compare", report.toString()), "reports suite 'other'");
  }

  @Test
  void should_reject_compare_together_with_sweep() throws IOException {
    Path file = suite("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertOneLineError(
        run("eval", file.toString(), "--sweep", "retrieval.top-k=1,2", "--compare", "x.json"),
        "--compare cannot be combined with --sweep");
  }

  @Test
  void should_describe_itself_in_help() {
    assertThat(run("eval", "--help")).isZero();
    assertThat(out.toString())
        .contains("--report-dir", "--compare", "--threshold", "--sweep", "--baseline");
  }
}
