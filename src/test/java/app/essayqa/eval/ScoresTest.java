package app.essayqa.eval;

import static app.essayqa.eval.Fixtures.abstaining;
import static app.essayqa.eval.Fixtures.answer;
import static app.essayqa.eval.Fixtures.answerable;
import static app.essayqa.eval.Fixtures.refusal;
import static app.essayqa.eval.Fixtures.scorer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
  private static final String SEOUL = "The workshop met in Seoul in December 2019.";
  private static final String THEMES = "It had three themes.";
  private static final String KOGA = "Dr Kei Koga floated a partnership with India.";

  private static double v(RunResult run, String metric) {
    return run.value(MetricKey.parse(metric));
  }

  @Test
  void should_aggregate_figures_over_a_small_run() {
    RunResult run =
        new RunResult(
            Fixtures.suite("s", "far-off", "near-topic", "factoid"),
            "sys",
            "v",
            3,
            new int[] {1, 3},
            10);
    CaseScorer scorer = scorer(3);
    // Evidence first: hit@1.
    run.add(
        scorer.score(
            answerable("a", List.of("Seoul"), List.of(List.of("2019"))),
            answer(SEOUL, SEOUL, THEMES),
            10));
    // Evidence second: hit@3 only, rr 1/2; the answer text lacks the term.
    run.add(
        scorer.score(
            answerable("b", List.of("Koga"), List.of(List.of("India"))),
            answer(THEMES, THEMES, KOGA),
            20));
    // Refused though answerable: a miss everywhere.
    run.add(
        scorer.score(
            answerable("c", List.of("three themes"), List.of(), "factoid"), refusal(), 30));
    // Correct refusal and a wrong answer to an abstain case.
    run.add(scorer.score(abstaining("d", "far-off"), refusal(), 40));
    run.add(scorer.score(abstaining("e", "near-topic"), answer(KOGA, KOGA), 50));

    assertThat(v(run, "hit@1")).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(v(run, "hit@3")).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(v(run, "mrr@3")).isCloseTo((1 + 0.5) / 3, within(1e-9));
    assertThat(v(run, "answer_recall")).isCloseTo(0.5, within(1e-9));
    assertThat(v(run, "answered")).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(v(run, "abstention_recall")).isCloseTo(0.5, within(1e-9));
    assertThat(v(run, "abstention_precision")).isCloseTo(0.5, within(1e-9));
    assertThat(v(run, "abstention_recall[far-off]")).isEqualTo(1.0);
    assertThat(v(run, "abstention_recall[near-topic]")).isEqualTo(0.0);
    assertThat(v(run, "hit@3[factoid]")).isEqualTo(0.0);
    assertThat(v(run, "faithfulness")).isEqualTo(1.0);
    assertThat(v(run, "answer_chars"))
        .isCloseTo((SEOUL.length() + THEMES.length() + KOGA.length()) / 3.0, within(1e-9));
    assertThat(v(run, "latency_p50_ms")).isEqualTo(30);
    assertThat(v(run, "latency_p95_ms")).isEqualTo(50);
    assertThat(run.failedCount()).isEqualTo(3);
    assertThat(run.overall().passed()).isEqualTo(2);
  }

  @Test
  void should_leave_figures_undefined_when_no_case_measures_them() {
    RunResult run =
        new RunResult(Fixtures.suite("s", "far-off"), "sys", "v", 3, new int[] {1, 3}, 10);
    run.add(scorer(3).score(abstaining("d", "far-off"), refusal(), 1));

    assertThat(v(run, "hit@3")).isNaN();
    assertThat(v(run, "answered")).isNaN();
    assertThat(v(run, "faithfulness")).isNaN();
    assertThat(v(run, "abstention_recall")).isEqualTo(1.0);
    assertThat(v(run, "answered[nope]")).isNaN();
  }

  @Test
  void should_keep_only_as_many_failures_as_asked_but_count_them_all() {
    RunResult run = new RunResult(Fixtures.suite("s"), "sys", "v", 3, new int[] {1, 3}, 2);
    for (int i = 0; i < 5; i++) {
      run.add(scorer(3).score(abstaining("x" + i), answer(KOGA, KOGA), 1));
    }

    assertThat(run.failures()).hasSize(2);
    assertThat(run.failedCount()).isEqualTo(5);
  }
}
