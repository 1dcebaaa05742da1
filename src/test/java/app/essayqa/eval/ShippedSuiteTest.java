package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards the shipped suite's data: it must stay valid, checkable and as broad as promised. */
class ShippedSuiteTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static Suite suite;
  private static List<EvalCase> cases;
  private static String seeds;

  @BeforeAll
  static void read_suite_and_seeds() throws IOException {
    suite = SuiteReader.validate(ShippedSuite.path());
    cases = new ArrayList<>();
    try (SuiteReader.CaseStream stream = SuiteReader.cases(suite)) {
      stream.forEachRemaining(cases::add);
    }
    try (Stream<Path> files = Files.list(ROOT.resolve("seeds"))) {
      seeds =
          files
              .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".md"))
              .map(ShippedSuiteTest::read)
              .collect(Collectors.joining("\n"));
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_find_every_evidence_phrase_in_the_seeds() {
    List<String> missing = new ArrayList<>();
    for (EvalCase c : cases) {
      for (String phrase : c.evidence()) {
        if (!Matching.containsPhrase(seeds, phrase)) {
          missing.add(c.id() + ": " + phrase);
        }
      }
    }
    assertThat(missing).as("evidence phrases not in seeds/").isEmpty();
  }

  @Test
  void should_find_some_term_of_every_answer_group_in_the_seeds() {
    List<String> unsatisfiable = new ArrayList<>();
    for (EvalCase c : cases) {
      for (List<String> group : c.answerContains()) {
        if (group.stream().noneMatch(t -> Matching.containsTerm(seeds, t))) {
          unsatisfiable.add(c.id() + ": " + group);
        }
      }
    }
    assertThat(unsatisfiable)
        .as("answer_contains groups no extractive answer can satisfy")
        .isEmpty();
  }

  @Test
  void should_be_as_broad_as_issue_4_asks() {
    long abstain = cases.stream().filter(EvalCase::abstain).count();
    long nearTopic =
        cases.stream().filter(c -> c.abstain() && c.tags().contains("near-topic")).count();
    long farOff = cases.stream().filter(c -> c.abstain() && c.tags().contains("far-off")).count();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(abstain).isGreaterThanOrEqualTo(15);
    assertThat(nearTopic).isGreaterThanOrEqualTo((abstain + 1) / 2);
    assertThat(nearTopic + farOff).isEqualTo(abstain);
    assertThat(suite.tags()).contains("paraphrase", "multi-part", "author", "factoid", "bio");
    assertThat(cases.stream().filter(c -> !c.abstain())).allMatch(c -> !c.evidence().isEmpty());
  }

  @Test
  void should_gate_at_the_targets_of_issue_7() {
    assertThat(suite.thresholds())
        .extracting(t -> t.key().name() + " " + t.relation() + " " + t.bound())
        .contains(
            "hit@1 >= 0.746",
            "hit@3 >= 0.821",
            "answered >= 0.96",
            "abstention_recall[far-off] >= 1.0",
            "abstention_recall[near-topic] >= 0.67",
            "faithfulness >= 1.0",
            "answer_chars <= 300.0");
  }
}
