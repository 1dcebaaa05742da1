package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RankingTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);
  private static final double LOG2_4 = 2.0;

  /** relevance by rank, k, hit@k, reciprocal rank@k, nDCG@k. */
  static Stream<Arguments> rankings() {
    return Stream.of(
        Arguments.of(List.of(), 3, 0.0, 0.0, 0.0),
        Arguments.of(List.of(false, false, false), 3, 0.0, 0.0, 0.0),
        Arguments.of(List.of(true, false, false), 3, 1.0, 1.0, 1.0),
        Arguments.of(List.of(false, true, false), 3, 1.0, 0.5, 1 / LOG2_3),
        Arguments.of(List.of(false, false, true), 3, 1.0, 1 / 3.0, 1 / LOG2_4),
        Arguments.of(List.of(false, true, false), 1, 0.0, 0.0, 0.0),
        Arguments.of(List.of(false, false, false, true), 3, 0.0, 0.0, 0.0),
        Arguments.of(List.of(true, true, false), 3, 1.0, 1.0, 1.0),
        // Two relevant quotes, one ranked below an irrelevant one: ideal is ranks 1 and 2.
        Arguments.of(List.of(true, false, true), 3, 1.0, 1.0, (1 + 1 / LOG2_4) / (1 + 1 / LOG2_3)),
        Arguments.of(
            List.of(false, true, true), 3, 1.0, 0.5, (1 / LOG2_3 + 1 / LOG2_4) / (1 + 1 / LOG2_3)),
        Arguments.of(List.of(true), 5, 1.0, 1.0, 1.0));
  }

  @ParameterizedTest(name = "[{index}] {0} @{1}")
  @MethodSource("rankings")
  void should_score_hand_made_rankings(
      List<Boolean> relevant, int k, double hit, double rr, double ndcg) {
    assertThat(Ranking.hitAt(relevant, k)).isEqualTo(hit);
    assertThat(Ranking.reciprocalRankAt(relevant, k)).isCloseTo(rr, within(1e-12));
    assertThat(Ranking.ndcgAt(relevant, k)).isCloseTo(ndcg, within(1e-12));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("firstRanks")
  void should_find_first_relevant_rank(List<Boolean> relevant, int rank) {
    assertThat(Ranking.firstRelevantRank(relevant)).isEqualTo(rank);
  }

  static Stream<Arguments> firstRanks() {
    return Stream.of(
        Arguments.of(List.of(), 0),
        Arguments.of(List.of(false), 0),
        Arguments.of(List.of(false, false, true, true), 3),
        Arguments.of(List.of(true, true), 1));
  }
}
