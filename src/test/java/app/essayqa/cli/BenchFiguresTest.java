package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's side-by-side summary and its options; no timing is asserted. */
class BenchFiguresTest {
  @Test
  void should_exit_2_with_one_line_when_the_baseline_jar_is_missing() {
    Cli.Result result = Cli.run(Cli.never(), "bench", "--baseline-jar=/no/such/essay-qa.jar");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--baseline-jar: no such file: /no/such/essay-qa.jar");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void should_print_both_builds_and_this_over_baseline_ratios_beside_the_targets() {
    BuildFigures lean = new BuildFigures("this build", 120.04, 800, 8, 240);
    BuildFigures main = new BuildFigures("baseline", 155.1, 1000, 16, 320);

    assertThat(BuildFigures.table(lean, main))
        .containsExactly(
            "| figure | this build | baseline | ratio | target |",
            "|---|---|---|---|---|",
            "| jar size | 120.0 MB | 155.1 MB | 0.77 | <= 130 MB, within |",
            "| start to first answer | 800.0 ms | 1000.0 ms | 0.80 | <= 1000 ms, within |",
            "| batch, per question beyond start-up | 8.0 ms | 16.0 ms | 0.50 | <= 10 ms, within |",
            "| REPL peak RSS | 240.0 MB | 320.0 MB | 0.75 | <= 250 MB, within |");
  }

  @Test
  void should_leave_out_the_baseline_columns_without_one_and_say_over_target() {
    BuildFigures alone = new BuildFigures("this build", 155.1, 1200, 20, 300);

    assertThat(BuildFigures.table(alone, null))
        .startsWith("| figure | this build | target |", "|---|---|---|")
        .contains("| jar size | 155.1 MB | <= 130 MB, OVER |")
        .contains("| REPL peak RSS | 300.0 MB | <= 250 MB, OVER |");
  }

  @Test
  void should_show_n_a_for_a_figure_not_measured_and_its_ratio() {
    BuildFigures failed = new BuildFigures("baseline", 155.1, Double.NaN, Double.NaN, Double.NaN);
    BuildFigures lean = new BuildFigures("this build", 120, 800, 8, 240);

    assertThat(BuildFigures.table(lean, failed))
        .contains("| REPL peak RSS | 240.0 MB | n/a | n/a | <= 250 MB, within |")
        .contains("| start to first answer | 800.0 ms | n/a | n/a | <= 1000 ms, within |");
    assertThat(BuildFigures.table(failed, null))
        .contains("| batch, per question beyond start-up | n/a | <= 10 ms |");
  }

  @Test
  void should_count_a_batch_beyond_start_up_as_its_time_less_one_ask_over_the_other_questions() {
    assertThat(BenchChildren.perQuestionBeyondStart(2000, 720, 65)).isEqualTo(20.0);
    assertThat(BenchChildren.perQuestionBeyondStart(900, 900, 1)).isNaN();
  }

  @Test
  void should_take_the_batch_from_the_first_65_held_out_questions() {
    BenchQuestions batch = BenchQuestions.batch();

    assertThat(batch.questions()).hasSize(BenchQuestions.BATCH_SIZE);
    assertThat(batch.origin()).isEqualTo("the first 65 of eval/essay-heldout.yaml");
  }
}
