package app.essayqa.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.essayqa.index.ModelSpec;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionModelTest {
  private static DecisionModel model() {
    List<Double> order =
        IntStream.range(0, PassageFeatures.NAMES.size()).mapToObj(i -> i / 7.0 - 1).toList();
    List<Double> answer =
        IntStream.range(0, QuestionFeatures.NAMES.size()).mapToObj(i -> 0.25 * i).toList();
    return new DecisionModel(
        new Logistic(PassageFeatures.NAMES, order, -1.5),
        new Logistic(QuestionFeatures.NAMES, answer, 0.75),
        0.4,
        "retrieval.top-k=3;abstention.min-evidence=0.5");
  }

  private static Properties read(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void should_read_back_the_model_it_writes() throws IOException {
    DecisionModel written = model();

    DecisionModel read = DecisionModel.of(read(written.properties()));

    assertThat(read.properties()).isEqualTo(written.properties());
    assertThat(read.threshold()).isEqualTo(0.4);
    assertThat(read.order().bias()).isEqualTo(-1.5);
    assertThat(read.settings()).isEqualTo("retrieval.top-k=3;abstention.min-evidence=0.5");
  }

  @Test
  void should_name_the_key_a_damaged_file_lacks() throws IOException {
    String lacking = model().properties().replaceAll("(?m)^answer\\.weight\\.dense=.*\\n", "");

    assertThatThrownBy(() -> DecisionModel.of(read(lacking)))
        .hasMessageContaining("answer.weight.dense");
  }

  @Test
  void should_ship_a_fitted_model_for_the_default_embedding_model() {
    assertThat(DecisionModel.shipped(ModelSpec.ALL_MINILM_L6_V2.id()))
        .hasValueSatisfying(m -> assertThat(m.threshold()).isStrictlyBetween(0.0, 1.0));
    assertThat(DecisionModel.shipped("no-such-model")).isEmpty();
  }

  @Test
  void should_refuse_a_weight_that_is_not_a_finite_number() throws IOException {
    String broken = model().properties().replaceAll("(?m)^order\\.bias=.*$", "order.bias=NaN");

    assertThatThrownBy(() -> DecisionModel.of(read(broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
  }

  @Test
  void should_read_every_shipped_model_with_this_builds_features() {
    // A model fitted before a feature was added cannot be read: fit it again (README).
    for (ModelSpec spec : ModelSpec.ALL) {
      assertThat(DecisionModel.shipped(spec.id())).as(spec.id()).isPresent();
    }
  }

  @Test
  void should_score_a_passage_as_the_logistic_of_its_weighted_features() {
    Logistic one = new Logistic(List.of("a", "b"), List.of(2.0, -1.0), 0.5);

    double p = one.score(new double[] {1, 3});

    assertThat(p).isCloseTo(1 / (1 + Math.exp(0.5)), within(1e-12));
  }
}
