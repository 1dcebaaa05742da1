package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InlineAnswersTest {
  @ParameterizedTest(name = "''{0}'' half-typed: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wh | true",
        "w | true",
        "the project | true",
        "non-traditional security | true",
        "when | false",
        "who wrote | false",
        "Why? | false",
        "the project started | false",
        "essay author name | false",
      })
  void should_wait_for_more_while_a_query_is_shorter_than_a_question(
      String query, boolean halfTyped) {
    assertThat(InlineAnswers.halfTyped(query)).isEqualTo(halfTyped);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "It began in 2019. [1] | It began in 2019.",
        "One two three four five six seven eight nine ten [1] | One two three four five six seven"
            + " eight …",
        "Short [2] and [3] | Short and",
      })
  void should_title_an_answer_without_a_short_answer_by_its_first_words_without_markers(
      String text, String title) {
    assertThat(InlineAnswers.firstWords(text)).isEqualTo(title);
  }
}
