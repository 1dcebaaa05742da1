package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.essayqa.EssayQa;
import app.essayqa.answer.DecisionModel;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.index.ModelSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped decision model is what {@code essay-qa calibrate} fits today: a change to the
 * features, the suite or the pipeline that would move the weights fails here until the model is
 * fitted again (and the figures in the README re-measured).
 */
class DecisionFitIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void should_reproduce_the_shipped_decision_model_from_the_tuning_suite() {
    Config config =
        Config.defaults(ROOT)
            .with(ConfigKeys.CACHE_DIR, "target/test-cache", "test")
            .with(ConfigKeys.ABSTENTION_DECISION, "rules", "test");
    DecisionModel shipped = DecisionModel.shipped(ModelSpec.ALL_MINILM_L6_V2.id()).orElseThrow();
    DecisionFit.Result fitted;
    try (EssayQa source = EssayQa.open(config)) {
      fitted =
          new DecisionFit(5, 0.04)
              .fit(
                  source,
                  List.of(),
                  ConfigKeys.decisionInputs(config),
                  "./essay-qa calibrate",
                  new PrintWriter(new StringWriter()));
    }

    DecisionModel model = fitted.model();
    assertThat(model.threshold()).isCloseTo(shipped.threshold(), within(1e-3));
    for (int i = 0; i < shipped.order().weights().size(); i++) {
      assertThat(model.order().weights().get(i))
          .as(shipped.order().names().get(i))
          .isCloseTo(shipped.order().weights().get(i), within(1e-3));
    }
    for (int i = 0; i < shipped.answer().weights().size(); i++) {
      assertThat(model.answer().weights().get(i))
          .as(shipped.answer().names().get(i))
          .isCloseTo(shipped.answer().weights().get(i), within(1e-3));
    }
    assertThat(model.settings()).isEqualTo(shipped.settings());
    assertThat(fitted.summary()).contains("unanswerable refused");
  }
}
