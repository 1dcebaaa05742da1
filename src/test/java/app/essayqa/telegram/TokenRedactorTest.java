package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenRedactorTest {
  private static final String TOKEN = "123456:ABC-def_ghi";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1:80/bot123456:ABC-def_ghi/sendMessage | http://127.0.0.1:80/bot<token>/sendMessage",
        "failed: http://h/bot123456%3AABC-def_ghi/getMe        | failed: http://h/bot<token>/getMe",
        "twice 123456:ABC-def_ghi 123456:ABC-def_ghi           | twice <token> <token>",
        "nothing secret here                                   | nothing secret here"
      })
  void should_remove_the_token_raw_or_url_encoded(String text, String expected) {
    assertThat(new TokenRedactor(TOKEN).redact(text)).isEqualTo(expected).doesNotContain(TOKEN);
  }

  @org.junit.jupiter.api.Test
  void should_leave_text_alone_when_there_is_no_token() {
    assertThat(new TokenRedactor("").redact("a b")).isEqualTo("a b");
    assertThat(new TokenRedactor(TOKEN).redact(null)).isNull();
  }
}
