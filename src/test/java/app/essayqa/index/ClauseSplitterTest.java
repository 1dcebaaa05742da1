package app.essayqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClauseSplitterTest {
  private static final String LONG =
      "At the core is the arguably crumbling great power politics paradigm, where China’s rise and"
          + " U.S.’ persistence to maintain its preponderance in the region have arguably propelled"
          + " the changes taking place.";

  @Test
  void should_give_each_clause_and_each_adjacent_pair() {
    assertThat(ClauseSplitter.views(LONG))
        .containsExactly(
            "At the core is the arguably crumbling great power politics paradigm,",
            LONG,
            "where China’s rise and U.S.’ persistence to maintain its preponderance in the region"
                + " have arguably propelled the changes taking place.");
  }

  @Test
  void should_give_nothing_for_a_sentence_of_one_clause() {
    assertThat(
            ClauseSplitter.views(
                "Indeed, the prospects for the bilateral relationship appear gloomy."))
        .isEmpty();
    assertThat(ClauseSplitter.views("")).isEmpty();
  }

  @Test
  void should_join_short_clauses_to_the_next_one() {
    String sentence =
        "Yet, one important realization I gained is this: these perceptions are cursory, I believe.";

    assertThat(ClauseSplitter.views(sentence))
        .containsExactly(
            "Yet, one important realization I gained is this:",
            sentence,
            "these perceptions are cursory, I believe.");
  }

  @Test
  void should_cut_before_a_dash_that_opens_an_aside() {
    String sentence =
        "It could bind Japan and South Korea together – efforts which have been rendered secondary so far.";

    assertThat(ClauseSplitter.views(sentence))
        .startsWith("It could bind Japan and South Korea together")
        .contains("– efforts which have been rendered secondary so far.");
  }

  @Test
  void should_only_give_verbatim_parts_of_the_sentence() {
    String spaced =
        "First clause is here,   and the second   one follows it; then a third clause closes it.";

    assertThat(ClauseSplitter.views(spaced))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(spaced).contains(v));
  }
}
