package app.essayqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain text|plain text",
        "'\u001b[31mred\u001b[0m'|'^[[31mred^[[0m'",
        "'bell\u0007 and nul\u0000'|'bell^G and nul^@'",
        "keeps\ttab|keeps\ttab",
        "C1\u009b control|C1\\u009b control",
        "한국어 日本語 עברית|한국어 日本語 עברית",
      })
  void should_show_control_characters_instead_of_sending_them(String input, String expected) {
    assertThat(Text.printable(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "one two three four|10|''|one two\\nthree four",
        "one two three four|0|'  '|'  one two three four'",
        "averyveryverylongword short|12|''|averyveryverylongword\\nshort",
        "a b|20|'> '|> a b",
        "one  two|20|''|one two",
      })
  void should_wrap_at_the_width_with_the_indent(
      String text, int width, String indent, String expected) {
    assertThat(Text.wrap(text, width, indent)).isEqualTo(expected.replace("\\n", "\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "short|10|short",
        "exactly ten|11|exactly ten",
        "a little too long|8|a littl…",
        "line\\nbreaks   collapse|30|line breaks collapse",
      })
  void should_abbreviate_to_at_most_max_characters(String text, int max, String expected) {
    assertThat(Text.abbreviate(text.replace("\\n", "\n"), max)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void should_not_split_a_surrogate_pair_when_abbreviating() {
    String emoji = "ab\uD83D\uDE00cd"; // ab😀cd

    assertThat(Text.abbreviate(emoji, 4)).isEqualTo("ab…");
  }

  @org.junit.jupiter.api.Test
  void should_not_count_emphasis_escapes_as_columns_when_wrapping() {
    String bold = Style.ANSI.bold("two");

    assertThat(Text.wrap("one " + bold + " three", 13, "")).isEqualTo("one " + bold + " three");
    assertThat(Text.visibleLength(bold)).isEqualTo(3);
  }
}
