package app.essayqa.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WordListTest {
  static Stream<Arguments> entries() {
    return Stream.of(
        Arguments.of(WordList.QUESTION_WORDS, "what", true),
        Arguments.of(WordList.QUESTION_WORDS, "tell", true),
        Arguments.of(WordList.QUESTION_WORDS, "treaty", false),
        Arguments.of(WordList.DOCUMENT_WORDS, "essay", true),
        Arguments.of(WordList.DOCUMENT_WORDS, "article", true),
        Arguments.of(WordList.AUTHOR_WORDS, "wrote", true),
        Arguments.of(WordList.AUTHOR_WORDS, "who", false),
        Arguments.of(WordList.FIRST_PERSON, "my", true),
        Arguments.of(WordList.PICTURE_WORDS, "photo", true),
        Arguments.of(WordList.OVERVIEW_WORDS, "main point", true),
        Arguments.of(WordList.CONTINUATIONS, "tell me more", true),
        Arguments.of(WordList.CONTINUATIONS, "why", false),
        Arguments.of(WordList.FOLLOW_UP_PRONOUNS, "she", true),
        Arguments.of(WordList.MONTHS, "december", true),
        Arguments.of(WordList.MONTHS, "sept", true),
        Arguments.of(WordList.WEEKDAYS, "friday", true),
        Arguments.of(WordList.NUMBER_WORDS, "dozen", true),
        Arguments.of(WordList.NUMBER_WORDS, "third", true),
        Arguments.of(WordList.TIME_UNITS, "decade", true),
        Arguments.of(WordList.TITLES, "dr", true),
        Arguments.of(WordList.TITLES, "prime minister", true),
        Arguments.of(WordList.PERSON_NOUNS, "scholar", true),
        Arguments.of(WordList.PLACE_NOUNS, "city", true),
        Arguments.of(WordList.BIOGRAPHY_WORDS, "background", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "hi", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "thank you", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "sorry if this is silly", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "i was wondering", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "quick question", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "lol", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "btw", true),
        Arguments.of(WordList.DISCOURSE_WORDS, "question", false),
        Arguments.of(WordList.DISCOURSE_WORDS, "what", false),
        Arguments.of(WordList.DISCOURSE_WORDS, "right", false),
        Arguments.of(WordList.OFF_TOPIC_THINGS, "umbrella", true),
        Arguments.of(WordList.OFF_TOPIC_THINGS, "treaty", false),
        Arguments.of(WordList.OFF_TOPIC_TEMPLATES, "how do i clean a {}?", true));
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @MethodSource("entries")
  void should_hold_the_general_english_words_of_its_purpose(
      WordList list, String word, boolean expected) {
    assertThat(list.contains(word)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(WordList.class)
  void should_load_a_non_empty_lower_case_list(WordList list) {
    assertThat(list.entries()).isNotEmpty();
    assertThat(list.entries()).allMatch(e -> e.equals(e.toLowerCase(java.util.Locale.ROOT)));
    assertThat(list.entries()).noneMatch(e -> e.startsWith("#") || e.isBlank());
  }

  /** Words that were once fitted to the shipped essay or to one suite case. */
  @ParameterizedTest
  @EnumSource(WordList.class)
  void should_hold_no_word_taken_from_the_shipped_essay(WordList list) {
    assertThat(list.entries())
        .doesNotContain(
            "floated",
            "proposed",
            "postwar",
            "post-war",
            "discussants",
            "discussant",
            "assistant",
            "fellow",
            "library",
            "foundation",
            "universities",
            "korea",
            "japan",
            "china",
            "koga",
            "howe",
            "seoul",
            "iafor");
  }

  @Test
  void should_give_every_off_topic_template_one_place_for_a_thing() {
    assertThat(WordList.OFF_TOPIC_TEMPLATES.entries())
        .allMatch(t -> t.indexOf("{}") >= 0 && t.indexOf("{}") == t.lastIndexOf("{}"));
  }

  @Test
  void should_give_a_longest_first_alternation_so_phrases_win_over_their_words() {
    assertThat(WordList.TITLES.alternation()).startsWith("\\Q");
    assertThat(WordList.TITLES.alternation().indexOf("prime minister"))
        .isLessThan(WordList.TITLES.alternation().indexOf("\\Qdr\\E"));
  }
}
