package app.essayqa.generate;

import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.EssayQaException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the language model is and how it is asked. The API key comes from the environment only and
 * never leaves this record except in the {@code Authorization} header: {@link #toString} hides it,
 * and no configuration file, log line or cache holds it.
 *
 * @param baseUrl the OpenAI-compatible endpoint, e.g. {@code http://localhost:11434/v1}
 * @param timeout the most a whole answer may wait for the model, retry and rewrite included
 * @param apiKey empty for servers that need none (Ollama, llama.cpp)
 */
public record LlmSettings(
    String baseUrl,
    String model,
    Duration timeout,
    int maxTokens,
    double temperature,
    Optional<String> apiKey) {

  /** Read in this order; the first one set wins. */
  public static final List<String> KEY_VARIABLES = List.of("ESSAYQA_LLM_API_KEY", "OPENAI_API_KEY");

  public LlmSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /** The {@code llm.*} keys of {@code config}, the key from {@code env}. */
  public static LlmSettings from(Config config, Map<String, String> env) {
    Optional<String> key =
        KEY_VARIABLES.stream()
            .map(env::get)
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .findFirst();
    String baseUrl = config.getString(ConfigKeys.LLM_BASE_URL);
    if (!baseUrl.matches("(?i)https?://[^\\s/]+.*")) {
      throw new EssayQaException(
          "llm.base-url '" + baseUrl + "' is not an http:// or https:// address");
    }
    return new LlmSettings(
        baseUrl,
        config.getString(ConfigKeys.LLM_MODEL),
        Duration.ofMillis(Math.round(config.getDouble(ConfigKeys.LLM_TIMEOUT) * 1000)),
        config.getInt(ConfigKeys.LLM_MAX_TOKENS),
        config.getDouble(ConfigKeys.LLM_TEMPERATURE),
        key);
  }

  /** The same settings asking another model at another endpoint (the eval judge). */
  public LlmSettings at(String otherBaseUrl, String otherModel) {
    return new LlmSettings(otherBaseUrl, otherModel, timeout, maxTokens, temperature, apiKey);
  }

  @Override
  public String toString() {
    return "LlmSettings[baseUrl="
        + baseUrl
        + ", model="
        + model
        + ", timeout="
        + timeout
        + ", maxTokens="
        + maxTokens
        + ", temperature="
        + temperature
        + ", apiKey="
        + (apiKey.isPresent() ? "<hidden>" : "none")
        + "]";
  }
}
