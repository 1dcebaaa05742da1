package app.essayqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatchingTest {

  static Stream<Arguments> normalised() {
    return Stream.of(
        Arguments.of("Hello World", "hello world"),
        Arguments.of("  spaced \t out\n\nlines  ", "spaced out lines"),
        Arguments.of("China\u2019s rise", "china's rise"),
        Arguments.of("\u201Cthink outside the box\u201D", "\"think outside the box\""),
        Arguments.of("non\u00A0breaking", "non breaking"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @MethodSource("normalised")
  void should_normalise_case_quotes_and_whitespace(String text, String expected) {
    assertThat(Matching.normalize(text)).isEqualTo(expected);
  }

  static Stream<Arguments> phrases() {
    return Stream.of(
        Arguments.of("Japan\u2019s pursuit for normalization", "japan's PURSUIT", true),
        Arguments.of("an \u201CAsian way\u201D of dealing", "\"asian   way\"", true),
        Arguments.of("the 68-year old\nSan Francisco System", "68-year old San Francisco", true),
        Arguments.of("Seoul in December 2019", "Tokyo", false),
        Arguments.of("anything", "   ", false));
  }

  @ParameterizedTest(name = "[{index}] phrase \"{1}\" in \"{0}\": {2}")
  @MethodSource("phrases")
  void should_match_phrases_ignoring_case_quotes_and_whitespace(
      String text, String phrase, boolean expected) {
    assertThat(Matching.containsPhrase(text, phrase)).isEqualTo(expected);
  }

  static Stream<Arguments> terms() {
    return Stream.of(
        Arguments.of("technologies, such as AI.", "ai", true),
        Arguments.of("despite US and China maintaining a share", "AI", false),
        Arguments.of("the K-pop and K-drama we consume", "k-drama", true),
        Arguments.of("the 68-year old system", "68", true),
        Arguments.of("in 1968 it began", "68", false),
        Arguments.of("Osaka\nUniversity.", "osaka university", true),
        Arguments.of("China\u2019s rise", "China", true),
        Arguments.of("anything", "", false));
  }

  @ParameterizedTest(name = "[{index}] term \"{1}\" in \"{0}\": {2}")
  @MethodSource("terms")
  void should_match_terms_as_whole_words(String text, String term, boolean expected) {
    assertThat(Matching.containsTerm(text, term)).isEqualTo(expected);
  }
}
