package app.essayqa.question;

import app.essayqa.error.EssayQaException;
import app.essayqa.index.Embedder;
import app.essayqa.index.EmbeddingModels;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.TokenEncoder;
import app.essayqa.index.Vocabulary;
import app.essayqa.index.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Prepares a cleaned question for retrieval: its terms, the essays' near synonyms of its words, and
 * its vectors from the embedding model. One model run over the question gives its token vectors and
 * its sentence vector (their mean); meanwhile the question's words the essays lack are embedded in
 * one padded batch, for near-synonym expansion. Thread-safe.
 */
public final class QueryBuilder {
  private final TermAnalyzer analyzer;
  private final SemanticExpander expander;
  private final Vocabulary vocabulary;
  private final Embedder embedder;
  private final TokenEncoder tokenEncoder;
  private final boolean lateInteraction;

  /**
   * @param lateInteraction whether queries carry token vectors for late interaction
   */
  public QueryBuilder(
      TermAnalyzer analyzer,
      SemanticExpander expander,
      Vocabulary vocabulary,
      Embedder embedder,
      TokenEncoder tokenEncoder,
      boolean lateInteraction) {
    this.analyzer = analyzer;
    this.expander = expander;
    this.vocabulary = vocabulary;
    this.embedder = embedder;
    this.tokenEncoder = tokenEncoder;
    this.lateInteraction = lateInteraction;
  }

  /** The query for {@code question}: its vectors and its terms' near synonyms. */
  public Query build(Question question) {
    String text = question.text();
    Map<String, String> wordsToTerms = wordsToTerms(question);
    Future<TokenEncoder.Tokens> encoding =
        EmbeddingModels.inBackground(() -> tokenEncoder.encode(text));
    // A model trained with a query instruction (BGE) gets its sentence vector from the prefixed
    // question, in a run of its own beside the plain one (whose tokens late interaction compares).
    String prefix = tokenEncoder.spec().queryPrefix();
    Future<TokenEncoder.Tokens> prefixed =
        prefix.isEmpty()
            ? null
            : EmbeddingModels.inBackground(() -> tokenEncoder.encode(prefix + text));
    float[][] wordVectors = tokenEncoder.pooledBatch(expander.unknownWords(wordsToTerms));
    TokenEncoder.Tokens tokens = join(encoding);
    // A question beyond the model's 512 tokens is averaged over windows, as LangChain4j does.
    float[] questionVector =
        (prefixed == null ? tokens : join(prefixed))
            .pooled()
            .orElseGet(() -> embedder.embed(List.of(prefix + text))[0]);
    return new Query(
        question,
        questionVector,
        expander.expand(wordsToTerms, words -> wordVectors),
        lateInteraction ? contentTokens(tokens) : new float[0][]);
  }

  /** The question's words that analyse to one term each, and the names the essays lack whole. */
  private Map<String, String> wordsToTerms(Question question) {
    String text = question.text();
    Map<String, String> wordsToTerms = new LinkedHashMap<>();
    for (String word : Words.of(text)) {
      List<String> wordTerms = analyzer.questionTerms(word);
      if (wordTerms.size() == 1) {
        wordsToTerms.put(word, wordTerms.get(0));
      }
    }
    for (String name : question.names()) {
      List<String> nameTerms = analyzer.questionTerms(name);
      if (nameTerms.size() > 1 && !nameTerms.stream().allMatch(vocabulary::knows)) {
        // A name the essays lack may still have a near synonym as a whole ("United States").
        wordsToTerms.put(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      }
    }
    return wordsToTerms;
  }

  /** The vectors of the question's tokens whose words are content words, not question framing. */
  private float[][] contentTokens(TokenEncoder.Tokens tokens) {
    List<float[]> content = new ArrayList<>();
    Map<String, Boolean> isContent = new HashMap<>();
    for (int i = 0; i < tokens.vectors().length; i++) {
      String word = tokens.words().get(i);
      if (isContent.computeIfAbsent(word, w -> !analyzer.questionTerms(w).isEmpty())) {
        content.add(tokens.vectors()[i]);
      }
    }
    // One content word matched token by token is a bare word match, which BM25 and its near
    // synonyms do better ("Who wrote the essay?" would find "write their own history").
    return content.size() < 2 ? new float[0][] : content.toArray(new float[0][]);
  }

  private static TokenEncoder.Tokens join(Future<TokenEncoder.Tokens> tokens) {
    try {
      return tokens.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EssayQaException("interrupted while reading the question", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}
