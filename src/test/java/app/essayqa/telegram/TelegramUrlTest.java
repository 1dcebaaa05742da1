package app.essayqa.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.essayqa.error.EssayQaException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** telegram.api-url: a wrong one is refused with its reason, never with what may be a token. */
class TelegramUrlTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "notaurl|it has no scheme",
        "ftp://files.example.org|its scheme is not http or https (host 'files.example.org')",
        "https://api.example.org/bot123456:SECRETSECRETSECRETSECRET/|it has a path",
        "http:opaque|it has no host",
        "https://api.example.org?token=123456:SECRETSECRETSECRETSECRET|it has a query",
      })
  void should_name_what_is_wrong_with_the_url_without_repeating_it(String url, String reason) {
    assertThatThrownBy(() -> BotApi.baseUrl(URI.create(url)))
        .isInstanceOf(EssayQaException.class)
        .hasMessageStartingWith("telegram.api-url must look like https://host[:port] with no path;")
        .hasMessageContaining(reason)
        .hasMessageNotContaining("null")
        .hasMessageNotContaining("SECRET");
  }

  @ParameterizedTest
  @CsvSource({"https://api.telegram.org", "http://127.0.0.1:8081/"})
  void should_accept_a_scheme_host_and_port(String url) {
    assertThat(BotApi.baseUrl(URI.create(url))).isNotNull();
  }
}
