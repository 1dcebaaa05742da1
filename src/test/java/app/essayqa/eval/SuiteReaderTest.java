package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteReaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("suite.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void should_read_header_and_stream_cases() throws IOException {
    Path file =
        write(
            """
            name: demo
            thresholds:
              hit@3: 0.9
              "abstention_recall[far-off]": 0.95
            cases:
              - id: a
                question: Where was the workshop?
                evidence: ["in Seoul"]
                answer_contains: [["Seoul"], ["2019", "December"]]
                tags: [factoid]
              - id: b
                question: What is the GDP of Peru?
                abstain: true
                tags: far-off
              - id: c
                question: Who floated India?
                answer_contains: ["Koga"]
                short: Dr Kei Koga
            """);

    Suite suite = SuiteReader.validate(file);

    assertThat(suite.name()).isEqualTo("demo");
    assertThat(suite.size()).isEqualTo(3);
    assertThat(suite.tags()).containsExactly("factoid", "far-off");
    assertThat(suite.thresholds())
        .extracting(t -> t.key().name(), Threshold::bound, Threshold::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hit@3", 0.9, "suite.yaml:3"),
            org.assertj.core.groups.Tuple.tuple(
                "abstention_recall[far-off]", 0.95, "suite.yaml:4"));
    List<EvalCase> cases = new ArrayList<>();
    try (SuiteReader.CaseStream stream = SuiteReader.cases(suite)) {
      stream.forEachRemaining(cases::add);
    }
    assertThat(cases).extracting(EvalCase::id).containsExactly("a", "b", "c");
    assertThat(cases.get(0).answerContains())
        .containsExactly(List.of("Seoul"), List.of("2019", "December"));
    assertThat(cases.get(0).line()).isEqualTo(6);
    assertThat(cases.get(1).abstain()).isTrue();
    assertThat(cases.get(1).tags()).containsExactly("far-off");
    assertThat(cases.get(2).answerContains()).containsExactly(List.of("Koga"));
    assertThat(cases.get(2).shortAnswer()).hasValue("Dr Kei Koga");
    assertThat(cases.get(0).shortAnswer()).isEmpty();
  }

  @Test
  void should_reject_a_short_answer_on_a_case_that_expects_a_refusal() throws IOException {
    Path file = write("cases:\n  - {id: a, question: q, abstain: true, short: x}\n");

    assertThatThrownBy(() -> SuiteReader.validate(file))
        .isInstanceOf(SuiteException.class)
        .hasMessageContaining("short")
        .hasMessageContaining("no short answer");
  }

  @Test
  void should_stay_exhausted_when_other_keys_follow_the_cases() throws IOException {
    Path file =
        write("cases:\n  - {id: a, question: q, abstain: true}\nthresholds:\n  answered: 0.5\n");
    Suite suite = SuiteReader.validate(file);

    try (SuiteReader.CaseStream cases = SuiteReader.cases(suite)) {
      assertThat(cases.next().id()).isEqualTo("a");
      for (int i = 0; i < 3; i++) {
        assertThat(cases.hasNext()).isFalse();
      }
    }
  }

  @Test
  void should_name_the_suite_after_its_file_when_it_has_no_name() throws IOException {
    Path file = write("cases:\n  - {id: a, question: q, abstain: true}\n");

    assertThat(SuiteReader.validate(file).name()).isEqualTo("suite");
  }

  static Stream<Arguments> malformed() {
    String ok = "  - id: a\n    question: Where?\n    evidence: [Seoul]\n";
    return Stream.of(
        Arguments.of("", "suite.yaml:1: the suite is empty"),
        Arguments.of("- just\n- a list\n", "suite.yaml:1: the suite must be a mapping"),
        Arguments.of("name: x\n", "cases: missing"),
        Arguments.of("name: x\ncases: []\n", "cases: the list is empty"),
        Arguments.of("name: x\ncase:\n" + ok, "suite.yaml:2: case: unknown key"),
        Arguments.of("cases:\n" + ok + ok, "suite.yaml:5: id: duplicate id 'a'"),
        Arguments.of(
            "cases:\n  - id: a\n    evidence: [x]\n",
            "suite.yaml:2: question: missing in case 'a'"),
        Arguments.of(
            "cases:\n  - question: Where?\n    abstain: true\n", "suite.yaml:2: id: missing"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    tags: [x]\n", "a' checks nothing"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    evidence: [x]\n    abstain: true\n",
            "choose one"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    evidnce: [x]\n",
            "suite.yaml:4: evidnce: unknown key in a case"),
        Arguments.of(
            "cases:\n  - id: a\n    question: '  '\n    abstain: true\n",
            "suite.yaml:3: question: is empty"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    abstain: yes please\n",
            "abstain: must be true or false"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    evidence: [[x]]\n",
            "evidence: must be a list of texts"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where?\n    answer_contains: Seoul\n",
            "answer_contains: must be a list"),
        Arguments.of(
            "cases:\n  - id: a\n    question: [Where, When]\n    abstain: true\n",
            "question: must be a text value"),
        Arguments.of(
            "cases:\n  - just a string\n", "suite.yaml:2: cases: each case must be a mapping"),
        Arguments.of(
            "thresholds:\n  hits@3: 0.9\ncases:\n" + ok,
            "suite.yaml:2: thresholds.hits@3: unknown metric"),
        Arguments.of(
            "thresholds:\n  hit@3: high\ncases:\n" + ok,
            "thresholds.hit@3: the bound must be a number"),
        Arguments.of("thresholds:\n  hit@3: 95\ncases:\n" + ok, "between 0 and 1"),
        Arguments.of(
            "thresholds:\n  \"answered[nope]\": 0.9\ncases:\n" + ok,
            "suite.yaml:2: thresholds.answered[nope]: no case carries tag 'nope'"),
        Arguments.of("name: x\nname: y\ncases:\n" + ok, "suite.yaml:2: name: appears twice"),
        Arguments.of(
            "cases:\n  - id: a\n    question: \"unclosed\n    abstain: true\n",
            "YAML syntax error"),
        Arguments.of(
            "cases:\n  - id: a\n    question: Where: here?\n",
            "suite.yaml:3: YAML syntax error: mapping values are not allowed here"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformed")
  void should_reject_a_malformed_suite_naming_file_line_and_field(String yaml, String message)
      throws IOException {
    Path file = write(yaml);

    assertThatThrownBy(() -> SuiteReader.validate(file))
        .isInstanceOf(SuiteException.class)
        .hasMessageStartingWith(file.toString() + ":")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void should_say_when_the_file_is_missing() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> SuiteReader.validate(missing))
        .isInstanceOf(SuiteException.class)
        .hasMessage(missing + ": no such suite file");
  }

  @Test
  void should_say_a_suite_path_is_a_folder_rather_than_a_yaml_syntax_error() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("suites"));

    assertThatThrownBy(() -> SuiteReader.validate(folder))
        .isInstanceOf(SuiteException.class)
        .hasMessage(folder + ": is a folder, not a suite file");
  }

  @Test
  void should_check_and_stream_a_suite_of_ten_thousand_cases() throws IOException {
    Path file = dir.resolve("big.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("name: big\ncases:\n");
      for (int i = 0; i < 10_000; i++) {
        w.write("  - id: case-" + i + "\n    question: Question number " + i + "?\n");
        w.write(i % 3 == 0 ? "    abstain: true\n" : "    evidence: [\"phrase " + i + "\"]\n");
      }
    }

    Suite suite = SuiteReader.validate(file);
    int count = 0;
    String last = null;
    try (SuiteReader.CaseStream cases = SuiteReader.cases(suite)) {
      while (cases.hasNext()) {
        last = cases.next().id();
        count++;
      }
    }

    assertThat(suite.size()).isEqualTo(10_000);
    assertThat(count).isEqualTo(10_000);
    assertThat(last).isEqualTo("case-9999");
  }
}
