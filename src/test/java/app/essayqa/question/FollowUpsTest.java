package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpsTest {
  @ParameterizedTest(name = "{0} ({1} terms, names {2}) -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Tell me more       | 0 | false | CONTINUE",
        "more please!       | 0 | false | CONTINUE",
        "And Korea?         | 1 | true  | ELLIPSIS",
        "what about trade?  | 1 | false | ELLIPSIS",
        "Who said that?     | 0 | false | ANAPHORA",
        "Why does she say it? | 0 | false | ANAPHORA",
        "Why did that treaty fail to bind the allies in the region? | 5 | false | STANDALONE",
        "Who is Kei Koga?   | 2 | true  | STANDALONE",
        "What is the GDP?   | 1 | false | STANDALONE"
      })
  void should_classify_a_question_against_a_previous_answer(
      String text, int terms, boolean named, FollowUp expected) {
    List<String> termList = java.util.Collections.nCopies(terms, "t");
    List<String> names = named ? List.of("Korea") : List.of();

    assertThat(FollowUps.classify(text.strip(), termList, names, true)).isEqualTo(expected);
  }

  @Test
  void should_treat_every_question_as_standalone_without_a_previous_answer() {
    assertThat(FollowUps.classify("Tell me more", List.of(), List.of(), false))
        .isEqualTo(FollowUp.STANDALONE);
    assertThat(FollowUps.classify("Who said that?", List.of(), List.of(), false))
        .isEqualTo(FollowUp.STANDALONE);
  }
}
