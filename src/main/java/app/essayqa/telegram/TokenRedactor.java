package app.essayqa.telegram;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Removes the bot token from text bound for logs and messages: OkHttp puts it in every request URL,
 * so any exception text may carry it, raw or URL-encoded.
 */
final class TokenRedactor {
  static final String MASK = "<token>";
  private final String token;
  private final String encoded;

  TokenRedactor(String token) {
    this.token = token == null ? "" : token;
    this.encoded = URLEncoder.encode(this.token, StandardCharsets.UTF_8);
  }

  String redact(String text) {
    if (text == null || token.isEmpty()) {
      return text;
    }
    String out = text.replace(token, MASK);
    return encoded.equals(token) ? out : out.replace(encoded, MASK);
  }
}
