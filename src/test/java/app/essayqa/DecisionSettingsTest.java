package app.essayqa;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A fitted decision model is used only under the settings it was fitted under. */
class DecisionSettingsTest {
  private static final Config DEFAULTS = Config.defaults(Path.of(""));

  @Test
  void should_take_in_every_setting_that_shapes_the_features_and_no_other() {
    String inputs = ConfigKeys.decisionInputs(DEFAULTS);

    assertThat(inputs)
        .contains(
            "retrieval.late-weight=", "abstention.min-evidence=", "chunking.context-sentences=")
        .doesNotContain("retrieval.top-k", "abstention.decision", "telegram.", "llm.", "seeds.");
  }

  @Test
  void should_name_the_settings_that_differ_from_the_fitted_ones() {
    String fitted = ConfigKeys.decisionInputs(DEFAULTS);
    Config changed = DEFAULTS.with(ConfigKeys.RETRIEVAL_LATE_WEIGHT, "0", "test");

    assertThat(EssayQaFactory.changedSettings(fitted, ConfigKeys.decisionInputs(changed)))
        .containsExactly("retrieval.late-weight=0.0");
    assertThat(EssayQaFactory.changedSettings(fitted, fitted)).isEmpty();
    assertThat(
            EssayQaFactory.changedSettings(
                fitted,
                ConfigKeys.decisionInputs(DEFAULTS.with(ConfigKeys.RETRIEVAL_TOP_K, "5", "test"))))
        .isEmpty();
  }
}
