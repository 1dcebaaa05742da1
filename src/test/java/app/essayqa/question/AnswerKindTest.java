package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerKindTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "How many themes were discussed?|QUANTITY",
        "How old is the San Francisco System?|QUANTITY",
        "When did the project start?|TIME",
        "On which exact day was the workshop held?|TIME",
        "In what year did she graduate?|TIME",
        "Who floated the idea of working with India?|PERSON",
        "Where was the workshop held?|PLACE",
        "What undermines the San Francisco System?|ANY",
        "When the licence says free, does free mean zero cost?|ANY",
        "What two steps do developers who use the licence take?|ANY",
        "And when did it start?|TIME",
        "When and where did the project get under way?|TIME",
        "Did the workshop happen before the pandemic? When was it?|TIME",
        "To whom does the licence apply?|PERSON",
        "Which scholar spoke first?|PERSON",
        "Which city hosted the meeting?|PLACE",
        "How much did the project cost?|QUANTITY",
      })
  void should_read_the_kind_of_answer_from_the_question_words(String question, AnswerKind kind) {
    assertThat(AnswerKind.of(question).kind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "[{index}] {0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "How many themes were discussed?|to talk about three key guiding themes|true",
        "How many people attended the workshop?|majority of the project participants gathered|false",
        "How old is the system?|the rigid confines of the 68-year old San Francisco System|true",
        "When did the project start?|a workshop held in Seoul in December 2019|true",
        "On which exact day was the workshop held?|a workshop held in Seoul in December 2019|false",
        "On which day was the workshop held?|a workshop held on 12 December 2019|true",
        "In what year did she earn her PhD?|Dr Untalan is a fellow at the Centre|false",
        "Who floated the idea?|an idea that was floated by Dr Kei Koga|true",
        "Who was the president?|the Koreans’ boycotting of Japanese products|false",
      })
  void should_tell_whether_a_sentence_holds_that_kind(
      String question, String sentence, boolean held) {
    assertThat(AnswerKind.isHeldBy(AnswerKind.of(question), sentence)).isEqualTo(held);
  }
}
