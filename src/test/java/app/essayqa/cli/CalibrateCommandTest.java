package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate}'s user mistakes: one line each, found before any model loads. */
class CalibrateCommandTest {
  @TempDir Path dir;

  @Test
  void should_refuse_fewer_than_two_folds_in_one_line() {
    Cli.Result r = Cli.run(Cli.never(), "calibrate", "--folds", "1");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).contains("--folds").doesNotContain("\n").doesNotContain("at app.");
  }

  @Test
  void should_refuse_a_refusal_error_outside_0_to_1() {
    Cli.Result r = Cli.run(Cli.never(), "calibrate", "--refusal-error", "NaN");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("refusal error");
  }

  @Test
  void should_name_a_missing_suite_before_the_model_loads() {
    Path missing = dir.resolve("no-such-suite.yaml");

    Cli.Result r = Cli.run(Cli.never(), "calibrate", missing.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-suite.yaml");
  }

  @Test
  void should_name_an_output_it_cannot_write_before_the_model_loads() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");

    Cli.Result r =
        Cli.run(Cli.never(), "calibrate", "--out", file.resolve("model.properties").toString());

    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip()).contains("cannot create").doesNotContain("\n");
  }
}
