package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {
  private static final List<Double> ONE_TO_TWENTY =
      java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> (double) (21 - i)).toList();

  @ParameterizedTest
  @CsvSource({"50, 10", "95, 19", "100, 20", "1, 1", "5, 1", "5.1, 2"})
  void should_take_the_nearest_rank(double p, double expected) {
    assertThat(Percentiles.of(ONE_TO_TWENTY, p)).isEqualTo(expected);
  }

  @Test
  void should_return_the_only_value_for_any_percentile() {
    assertThat(Percentiles.of(List.of(7.0), 95)).isEqualTo(7.0);
    assertThat(Percentiles.median(List.of(7.0))).isEqualTo(7.0);
  }

  @Test
  void should_reject_no_values_and_out_of_range_percentiles() {
    assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).hasMessageContaining("no values");
    assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> Percentiles.of(List.of(1.0), 101)).hasMessageContaining("was 101");
  }
}
