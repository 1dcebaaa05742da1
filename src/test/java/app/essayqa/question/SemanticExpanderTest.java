package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemanticExpanderTest {
  /**
   * Unit vectors in the plane, so that the cosine of two words is the cosine of the angle between
   * them: china 0°, beijing 20° (0.94), beijings 25° (0.91), asia 40° (0.77), topics 90°, subjects
   * 100°. "chinas" shares china's stem and "beijings" beijing's.
   */
  private static final List<String> WORDS =
      List.of("china", "chinas", "beijing", "beijings", "asia", "topics", "subjects");

  private static final List<String> STEMS =
      List.of("china", "china", "beij", "beij", "asia", "topic", "subject");
  private static final double[] DEGREES = {0, 0, 20, 25, 40, 90, 100};

  /** Words the essays lack, embedded on demand: peking 8°, themes 80°. */
  private static final Map<String, Double> UNKNOWN = Map.of("peking", 8.0, "themes", 80.0);

  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
  }

  private static SemanticExpander expander(double minSimilarity, int perTerm) {
    float[][] vectors = new float[DEGREES.length][];
    for (int i = 0; i < DEGREES.length; i++) {
      vectors[i] = at(DEGREES[i]);
    }
    return new SemanticExpander(WORDS, vectors, STEMS, minSimilarity, perTerm);
  }

  /** "china:china peking:peke" as an ordered map of question words to their terms. */
  private static Map<String, String> question(String words) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : words.split(" ")) {
      String[] wt = pair.split(":");
      map.put(wt[0], wt[1]);
    }
    return map;
  }

  private static final Function<List<String>, float[][]> EMBED =
      ws -> ws.stream().map(w -> at(UNKNOWN.get(w))).toArray(float[][]::new);

  /** "china=beij 0.94, asia 0.77; ..." with similarities to two places. */
  private static String show(Map<String, Map<String, Double>> expansions) {
    return expansions.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + e.getValue().entrySet().stream()
                        .map(n -> String.format(Locale.ROOT, "%s %.2f", n.getKey(), n.getValue()))
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # question words | least cosine | per term | expected expansions
          # nearest first; its own stem (china, chinas) never; beijings folds into beij at its best
          china:china       | 0.7  | 3 | china=beij 0.94, asia 0.77
          # the similarity threshold: asia (0.77) falls below 0.8
          china:china       | 0.8  | 3 | china=beij 0.94
          # the per-term limit keeps the nearest
          china:china       | 0.7  | 1 | china=beij 0.94
          # beijings shares beij's stem: it takes no place of its own under the limit
          china:china       | 0.7  | 2 | china=beij 0.94, asia 0.77
          # nothing near enough: an empty expansion, still listed for the term
          topics:topic      | 0.99 | 3 | topic=
          # topics excludes its own stem and finds subjects
          topics:topic      | 0.7  | 3 | topic=subject 0.98
          # a word the essays lack is embedded and expanded like any other
          peking:peke       | 0.9  | 3 | peke=china 0.99, beij 0.98
          """)
  void should_expand_each_term_to_its_nearest_other_stems_above_the_threshold(
      String words, double minSimilarity, int perTerm, String expected) {
    var expansions = expander(minSimilarity, perTerm).expand(question(words), EMBED);

    assertThat(show(expansions)).isEqualTo(expected.strip());
  }

  @Test
  void should_merge_two_words_of_one_term_keeping_each_neighbours_best_similarity() {
    // topics (90°) and themes (80°) both analyse to "topic": subjects is 0.98 from topics and
    // 0.94 from themes; asia (0.77) is near themes only.
    var expansions = expander(0.7, 3).expand(question("topics:topic themes:topic"), EMBED);

    assertThat(show(expansions)).isEqualTo("topic=subject 0.98, asia 0.77");
  }

  @Test
  void should_list_unknown_words_in_question_order_and_embed_them_in_one_call() {
    SemanticExpander expander = expander(0.7, 3);
    Map<String, String> words = question("themes:theme china:china peking:peke");
    List<List<String>> calls = new ArrayList<>();

    expander.expand(
        words,
        ws -> {
          calls.add(ws);
          return EMBED.apply(ws);
        });

    assertThat(expander.unknownWords(words)).containsExactly("themes", "peking");
    assertThat(calls).containsExactly(List.of("themes", "peking"));
  }

  @Test
  void should_not_embed_at_all_when_every_word_is_known() {
    var expansions =
        expander(0.7, 3)
            .expand(
                question("china:china asia:asia"),
                ws -> {
                  throw new AssertionError("embedded " + ws);
                });

    assertThat(expansions).containsOnlyKeys("china", "asia");
  }

  @Test
  void should_reject_words_vectors_and_stems_of_different_lengths() {
    assertThatThrownBy(
            () ->
                new SemanticExpander(
                    List.of("a", "b"), new float[][] {at(0)}, List.of("a", "b"), 0.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differ in length");
  }
}
