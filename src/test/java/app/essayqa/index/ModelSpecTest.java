package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.config.ConfigKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {
  @ParameterizedTest
  @CsvSource({
    "all-minilm-l6-v2, MEAN, false",
    "bge-small-en-v1.5-q, CLS, true",
    "' BGE-Small-EN-v1.5-Q ', CLS, true"
  })
  void should_find_each_model_by_its_config_value(
      String id, ModelSpec.Pooling pooling, boolean prefixed) {
    ModelSpec spec = ModelSpec.of(id);

    assertThat(spec.pooling()).isEqualTo(pooling);
    assertThat(spec.queryPrefix().isEmpty()).isNotEqualTo(prefixed);
    assertThat(getClass().getClassLoader().getResource(spec.modelResource())).isNotNull();
    assertThat(getClass().getClassLoader().getResource(spec.tokenizerResource())).isNotNull();
  }

  @Test
  void should_reject_an_unknown_model_naming_the_known_ones() {
    assertThatThrownBy(() -> ModelSpec.of("gpt-9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown embedding model 'gpt-9' (expected one of all-minilm-l6-v2,"
                + " bge-small-en-v1.5-q)");
  }

  @Test
  void should_offer_in_config_exactly_the_models_there_are_the_default_first() {
    var key = ConfigKeys.find(ConfigKeys.EMBEDDING_MODEL).orElseThrow();

    assertThat(key.choices()).containsExactlyElementsOf(ModelSpec.ids());
    assertThat(key.defaultValue()).isEqualTo(ModelSpec.ALL_MINILM_L6_V2.id());
  }

  @Test
  void should_keep_minilm_floors_equal_to_the_config_defaults() {
    ModelSpec.Floors floors = ModelSpec.ALL_MINILM_L6_V2.floors();

    assertThat(floors.minSimilarity()).isEqualTo(defaultOf(ConfigKeys.ABSTENTION_MIN_SIMILARITY));
    assertThat(floors.weakSimilarity()).isEqualTo(defaultOf(ConfigKeys.ABSTENTION_WEAK_SIMILARITY));
    assertThat(floors.confidentSimilarity())
        .isEqualTo(defaultOf(ConfigKeys.ABSTENTION_CONFIDENT_SIMILARITY));
    assertThat(floors.expansionSimilarity())
        .isEqualTo(defaultOf(ConfigKeys.RETRIEVAL_EXPANSION_SIMILARITY));
  }

  private static double defaultOf(String key) {
    return Double.parseDouble(ConfigKeys.find(key).orElseThrow().defaultValue());
  }
}
