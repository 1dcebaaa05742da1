package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.launcher.ExitCode;
import app.essayqa.launcher.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command's user mistakes: each is one line on stderr and exit 2, before any model loads. */
class EvalCommandTest {
  private static final String ONE_CASE =
      "name: s\ncases:\n  - {id: a, question: q, abstain: true}\n";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            "a malformed suite",
            "cases:\n  - id: a\n    question: Where?\n    evidnce: [x]\n",
            List.of("eval", "{suite}"),
            "{suite}:4: evidnce: unknown key"),
        Arguments.of(
            "a missing suite file",
            ONE_CASE,
            List.of("eval", "{dir}/none.yaml"),
            "{dir}/none.yaml: no such suite file"),
        Arguments.of(
            "an unknown metric",
            ONE_CASE,
            List.of("eval", "{suite}", "--threshold", "hits@3=0.9"),
            "unknown metric 'hits'"),
        Arguments.of(
            "a threshold on a tag no case carries",
            ONE_CASE,
            List.of("eval", "{suite}", "--threshold", "answered[nope]=0.9"),
            "no case of suite s carries tag 'nope'"),
        Arguments.of(
            "a sweep without values",
            ONE_CASE,
            List.of("eval", "{suite}", "--sweep", "retrieval.top-k"),
            "--sweep expects KEY=V1,V2"),
        Arguments.of(
            "a sweep over an unknown key",
            ONE_CASE,
            List.of("eval", "{suite}", "--sweep", "retrieval.topk=1,2"),
            "unknown key 'retrieval.topk'"),
        Arguments.of(
            "a comparison with a report of another suite",
            ONE_CASE,
            List.of("eval", "{suite}", "--compare", "{dir}/other.json"),
            "reports suite 'other'"),
        Arguments.of(
            "compare together with sweep",
            ONE_CASE,
            List.of("eval", "{suite}", "--sweep", "retrieval.top-k=1,2", "--compare", "x.json"),
            "--compare cannot be combined with --sweep"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void should_reject_a_mistake_in_one_line_before_any_model_loads(
      String what, String yaml, List<String> args, String message) throws IOException {
    Path suite = dir.resolve("s.yaml");
    Files.writeString(suite, yaml);
    Files.writeString(
        dir.resolve("other.json"),
        "{\"suite\": \"other\", \"metrics\": {\"hit@3\": 0.5}, \"cases\": []}");

    int code = run(args.stream().map(a -> placed(a, suite)).toArray(String[]::new));

    assertThat(code).isEqualTo(ExitCode.USAGE.code());
    assertThat(err.toString())
        .contains(placed(message, suite))
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(err.toString().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }

  private String placed(String text, Path suite) {
    return text.replace("{suite}", suite.toString()).replace("{dir}", dir.toString());
  }

  @Test
  void should_describe_itself_in_help() {
    assertThat(run("eval", "--help")).isZero();
    assertThat(out.toString())
        .contains("--report-dir", "--compare", "--threshold", "--sweep", "--baseline");
  }
}
