package app.essayqa.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key the program understands, with its default. The shipped {@code config/essay-qa.yaml}
 * documents each one (a test keeps the two in step).
 */
public final class ConfigKeys {
  public static final String SEEDS_DIR = "seeds.dir";
  public static final String SEEDS_EXTRA = "seeds.extra";
  public static final String CACHE_DIR = "cache.dir";
  public static final String EMBEDDING_MODEL = "embedding.model";
  public static final String CHUNKING_CONTEXT_SENTENCES = "chunking.context-sentences";
  public static final String CHUNKING_CONTEXT_VECTORS = "chunking.context-vectors";
  public static final String RETRIEVAL_TOP_K = "retrieval.top-k";
  public static final String RETRIEVAL_CANDIDATES = "retrieval.candidates";
  public static final String RETRIEVAL_KNN_FROM = "retrieval.knn-from";
  public static final String RETRIEVAL_FUSION = "retrieval.fusion";
  public static final String RETRIEVAL_RRF_K = "retrieval.rrf-k";
  public static final String RETRIEVAL_DENSE_WEIGHT = "retrieval.dense-weight";
  public static final String RETRIEVAL_BM25_WEIGHT = "retrieval.bm25-weight";
  public static final String RETRIEVAL_BM25_B = "retrieval.bm25-b";
  public static final String RETRIEVAL_CONTEXT_WEIGHT = "retrieval.context-weight";
  public static final String RETRIEVAL_CLAUSE_WEIGHT = "retrieval.clause-weight";
  public static final String RETRIEVAL_LATE_WEIGHT = "retrieval.late-weight";
  public static final String RETRIEVAL_EXPANSION_SIMILARITY = "retrieval.expansion-similarity";
  public static final String RETRIEVAL_EXPANSION_WEIGHT = "retrieval.expansion-weight";
  public static final String RETRIEVAL_EXPANSIONS_PER_TERM = "retrieval.expansions-per-term";
  public static final String ANSWER_MAX_SENTENCES = "answer.max-sentences";
  public static final String ANSWER_MAX_CHARS = "answer.max-chars";
  public static final String ANSWER_MODE = "answer.mode";
  public static final String LLM_BASE_URL = "llm.base-url";
  public static final String LLM_MODEL = "llm.model";
  public static final String LLM_TIMEOUT = "llm.timeout";
  public static final String LLM_MAX_TOKENS = "llm.max-tokens";
  public static final String LLM_TEMPERATURE = "llm.temperature";
  public static final String QUESTION_MAX_CHARS = "question.max-chars";
  public static final String ABSTENTION_MIN_SIMILARITY = "abstention.min-similarity";
  public static final String ABSTENTION_CONFIDENT_SIMILARITY = "abstention.confident-similarity";
  public static final String ABSTENTION_WEAK_SIMILARITY = "abstention.weak-similarity";
  public static final String ABSTENTION_MIN_EVIDENCE = "abstention.min-evidence";
  public static final String ABSTENTION_EVIDENCE_WINDOW = "abstention.evidence-window";
  public static final String RETRIEVAL_SCOPE_BOOST = "retrieval.scope-boost";
  public static final String ABSTENTION_OFF_TOPIC_QUANTILE = "abstention.off-topic-quantile";
  public static final String ABSTENTION_CHECK_ANSWER_TYPE = "abstention.check-answer-type";
  public static final String ABSTENTION_DECISION = "abstention.decision";
  public static final String TELEGRAM_API_URL = "telegram.api-url";
  public static final String TELEGRAM_ALLOW = "telegram.allow";
  public static final String TELEGRAM_MAX_QUESTION_CHARS = "telegram.max-question-chars";
  public static final String TELEGRAM_RATE_LIMIT_PER_MINUTE = "telegram.rate-limit-per-minute";
  public static final String TELEGRAM_WORKERS = "telegram.workers";
  public static final String TELEGRAM_STATE_DIR = "telegram.state-dir";

  private static final List<ConfigKey> ALL =
      List.of(
          ConfigKey.path(SEEDS_DIR, "seeds"),
          ConfigKey.list(SEEDS_EXTRA, ""),
          ConfigKey.path(CACHE_DIR, ".cache"),
          ConfigKey.choice(
              EMBEDDING_MODEL, "all-minilm-l6-v2", "all-minilm-l6-v2", "bge-small-en-v1.5-q"),
          ConfigKey.integer(CHUNKING_CONTEXT_SENTENCES, 1, 0, 5),
          ConfigKey.choice(CHUNKING_CONTEXT_VECTORS, "composed", "embedded", "composed"),
          ConfigKey.integer(RETRIEVAL_TOP_K, 3, 1, 20),
          ConfigKey.integer(RETRIEVAL_CANDIDATES, 30, 1, 500),
          ConfigKey.integer(RETRIEVAL_KNN_FROM, 4000, 0, 1_000_000_000),
          ConfigKey.choice(RETRIEVAL_FUSION, "rrf", "rrf", "blend"),
          ConfigKey.integer(RETRIEVAL_RRF_K, 60, 1, 1000),
          ConfigKey.number(RETRIEVAL_DENSE_WEIGHT, 1.0, 0, 10),
          ConfigKey.number(RETRIEVAL_BM25_WEIGHT, 1.05, 0, 10),
          ConfigKey.number(RETRIEVAL_BM25_B, 0.4, 0, 1),
          ConfigKey.number(RETRIEVAL_CONTEXT_WEIGHT, 0.3, 0, 10),
          ConfigKey.number(RETRIEVAL_CLAUSE_WEIGHT, 0.3, 0, 1),
          ConfigKey.number(RETRIEVAL_LATE_WEIGHT, 2.0, 0, 10),
          ConfigKey.number(RETRIEVAL_EXPANSION_SIMILARITY, 0.6, 0, 1),
          ConfigKey.number(RETRIEVAL_EXPANSION_WEIGHT, 0.5, 0, 1),
          ConfigKey.integer(RETRIEVAL_EXPANSIONS_PER_TERM, 3, 0, 20),
          ConfigKey.number(RETRIEVAL_SCOPE_BOOST, 1.0, 0, 10),
          ConfigKey.integer(ANSWER_MAX_SENTENCES, 2, 1, 5),
          ConfigKey.integer(ANSWER_MAX_CHARS, 320, 80, 4000),
          ConfigKey.choice(ANSWER_MODE, "extractive", "extractive", "llm"),
          ConfigKey.text(LLM_BASE_URL, "http://localhost:11434/v1"),
          ConfigKey.text(LLM_MODEL, "llama3.2"),
          ConfigKey.number(LLM_TIMEOUT, 30, 0.1, 600),
          ConfigKey.integer(LLM_MAX_TOKENS, 400, 16, 8192),
          ConfigKey.number(LLM_TEMPERATURE, 0, 0, 2),
          ConfigKey.integer(QUESTION_MAX_CHARS, 1000, 10, 100_000),
          ConfigKey.number(ABSTENTION_MIN_SIMILARITY, 0.12, -1, 1),
          ConfigKey.number(ABSTENTION_CONFIDENT_SIMILARITY, 0.55, -1, 1),
          ConfigKey.number(ABSTENTION_WEAK_SIMILARITY, 0.2, -1, 1),
          ConfigKey.number(ABSTENTION_MIN_EVIDENCE, 0.5, 0, 1),
          ConfigKey.integer(ABSTENTION_EVIDENCE_WINDOW, 5, 1, 10),
          ConfigKey.flag(ABSTENTION_CHECK_ANSWER_TYPE, true),
          ConfigKey.choice(ABSTENTION_DECISION, "calibrated", "calibrated", "rules"),
          ConfigKey.number(ABSTENTION_OFF_TOPIC_QUANTILE, 0.85, 0, 1),
          ConfigKey.text(TELEGRAM_API_URL, "https://api.telegram.org"),
          ConfigKey.list(TELEGRAM_ALLOW, ""),
          ConfigKey.integer(TELEGRAM_MAX_QUESTION_CHARS, 500, 10, 4096),
          ConfigKey.integer(TELEGRAM_RATE_LIMIT_PER_MINUTE, 10, 1, 10_000),
          ConfigKey.integer(TELEGRAM_WORKERS, 4, 1, 64),
          ConfigKey.path(TELEGRAM_STATE_DIR, ".cache/telegram"));

  private static final Map<String, ConfigKey> BY_NAME = index();

  /** Environment variables kept for their familiar names, beside the {@code ESSAYQA_*} form. */
  static final Map<String, String> ENV_ALIASES = Map.of("TELEGRAM_API_URL", TELEGRAM_API_URL);

  private ConfigKeys() {}

  /**
   * The settings a fitted decision model depends on, as {@code key=value} pairs joined by {@code
   * ;}: everything that changes the candidates, their scores or their checks. A model fitted under
   * other values would read features it never saw, so it is used only under the same ones.
   */
  public static String decisionInputs(Config config) {
    StringBuilder out = new StringBuilder();
    for (ConfigKey key : ALL) {
      String name = key.name();
      // How many sources an answer cites changes nothing the model reads.
      boolean shapes =
          name.startsWith("chunking.")
              || (name.startsWith("retrieval.") && !name.equals(RETRIEVAL_TOP_K))
              || (name.startsWith("abstention.") && !name.equals(ABSTENTION_DECISION));
      if (shapes) {
        out.append(out.length() == 0 ? "" : ";")
            .append(name)
            .append('=')
            .append(config.display(name));
      }
    }
    return out.toString();
  }

  public static List<ConfigKey> all() {
    return ALL;
  }

  public static Optional<ConfigKey> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Map<String, ConfigKey> index() {
    Map<String, ConfigKey> map = new LinkedHashMap<>();
    for (ConfigKey key : ALL) {
      map.put(key.name(), key);
    }
    return Map.copyOf(map);
  }
}
