package app.essayqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import app.essayqa.index.Passage;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.AnswerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PassageFinder#holdingTheKindFirst}: answers of the kind asked for move up the top 3. */
class PassageFinderKindTest {
  /** Passages numbered from 0 in rank order, fused scores falling. */
  private static List<ScoredPassage> ranked(String sentences) {
    List<ScoredPassage> out = new ArrayList<>();
    if (sentences == null) {
      return out;
    }
    for (String s : sentences.split(" / ")) {
      int id = out.size();
      Passage p = new Passage(id, "d", "T", "S", ParagraphKind.BODY, 1, id + 1, 0, 1, s, s);
      out.add(new ScoredPassage(p, 0, 0, 1.0 / (id + 1), List.of()));
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # kind | head noun | sentences, best first                                                 | order after
          # a date third moves first; one fourth, outside the window, stays put
          TIME     |       | The canal was dug. / Ships came back. / It opened in 1998. / Built in 2001. | 2 0 1 3
          # a number moves ahead; among holders, and among the rest, rank order is kept
          QUANTITY |       | Ships came back. / Twelve ships came. / 3 ships left.                   | 1 2 0
          # a count of the noun asked for, not just any number
          QUANTITY | ships | There were 40 sailors and fewer boats. / The port had 12 ships.         | 1 0
          # the window shrinks to a shorter list
          TIME     |       | The canal was dug. / It opened in March.                                | 1 0
          # every passage holds one: unchanged
          QUANTITY |       | Two ships came. / 3 ships left.                                          | 0 1
          # none holds one: unchanged
          TIME     |       | The canal was dug. / Ships came back. / Trade grew.                      | 0 1 2
          # names and places are too common a cue: never reordered
          PERSON   |       | The canal was dug. / It was dug by Jane Doe.                            | 0 1
          PLACE    |       | they sailed away. / They sailed to Lisbon.                              | 0 1
          ANY      |       | The canal was dug. / It opened in 1998.                                 | 0 1
          # nothing to reorder
          TIME     |       |                                                                          |
          """)
  void should_move_passages_holding_a_number_or_date_ahead_within_the_best_three_only(
      AnswerKind kind, String headNoun, String sentences, String expectedOrder) {
    List<ScoredPassage> ranked = ranked(sentences);
    AnswerKind.Wanted wanted = new AnswerKind.Wanted(kind, Optional.ofNullable(headNoun));

    List<ScoredPassage> result = PassageFinder.holdingTheKindFirst(ranked, wanted);

    List<Integer> expected =
        expectedOrder == null
            ? List.of()
            : Arrays.stream(expectedOrder.split(" ")).map(Integer::valueOf).toList();
    assertThat(result).extracting(sp -> sp.passage().id()).containsExactlyElementsOf(expected);
  }
}
