package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain text            | plain text",
        "<script>              | &lt;script&gt;",
        "a & b                 | a &amp; b",
        "&amp; already        | &amp;amp; already",
        "'<b>bold</b>'         | '&lt;b&gt;bold&lt;/b&gt;'",
        "quotes \" and '' stay | quotes \" and '' stay",
        "¶6.1 — “curly”        | ¶6.1 — “curly”",
        "''                    | ''"
      })
  void should_escape_only_what_telegram_html_requires(String text, String expected)
      throws Exception {
    String escaped = Html.escape(text);

    assertThat(escaped).isEqualTo(expected);
    assertThat(TelegramHtml.plainText(escaped)).isEqualTo(text);
  }
}
