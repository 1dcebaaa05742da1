package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricKeyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hit@1",
        "hit@3",
        "mrr@3",
        "ndcg@10",
        "answered",
        "answer_recall",
        "faithfulness",
        "abstention_precision",
        "abstention_recall[far-off]",
        "latency_p95_ms",
        "hit@3[author]"
      })
  void should_read_back_the_names_it_writes(String name) {
    assertThat(MetricKey.parse(name).name()).isEqualTo(name);
  }

  @Test
  void should_split_metric_cut_off_and_tag() {
    MetricKey key = MetricKey.parse("hit@3[near-topic]");

    assertThat(key.metric()).isEqualTo(Metric.HIT);
    assertThat(key.k()).isEqualTo(3);
    assertThat(key.tag()).isEqualTo("near-topic");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hits@3|unknown metric 'hits'",
        "hit|needs a cut-off",
        "hit@0|k must be",
        "answered@3|takes no @k",
        "Hit@3!|is not a metric name"
      })
  void should_reject_bad_names_with_a_message(String name, String message) {
    assertThatThrownBy(() -> MetricKey.parse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void should_treat_latency_bounds_as_maximums() {
    Threshold latency = Threshold.of(MetricKey.parse("latency_p95_ms"), 30, "test");
    Threshold hit = Threshold.of(MetricKey.parse("hit@3"), 0.95, "test");

    assertThat(latency.passes(25)).isTrue();
    assertThat(latency.passes(31)).isFalse();
    assertThat(hit.passes(0.95)).isTrue();
    assertThat(hit.passes(0.94)).isFalse();
    assertThat(hit.passes(Double.NaN)).as("an unmeasured figure never passes").isFalse();
  }

  @Test
  void should_reject_a_share_given_as_a_percentage() {
    assertThatThrownBy(() -> Threshold.of(MetricKey.parse("hit@3"), 95, "test"))
        .hasMessageContaining("between 0 and 1");
  }
}
