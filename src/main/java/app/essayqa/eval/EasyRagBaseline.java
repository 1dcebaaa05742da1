package app.essayqa.eval;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.index.EmbeddingModels;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain LangChain4j "Easy RAG" set-up, kept as a reference point: 300-token recursive chunks
 * without overlap, all-MiniLM, an in-memory store, the top 3 chunks. No abstention and no answer
 * composition: its answer is the top chunk, its citations the three chunks.
 */
final class EasyRagBaseline implements Answerer {
  static final String LABEL = "easy-rag";
  static final int CHUNK_TOKENS = 300;
  static final int TOP_K = 3;
  private static final String DOCUMENT_KEY = "document";

  private final Library library;
  private final Map<String, Document> documents = new LinkedHashMap<>();
  private final ContentRetriever retriever;

  EasyRagBaseline(Library library, Path cacheDir) {
    this.library = library;
    EmbeddingModel model = EmbeddingModels.allMiniLm(cacheDir);
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    DocumentSplitter splitter =
        DocumentSplitters.recursive(CHUNK_TOKENS, 0, new HuggingFaceTokenCountEstimator());
    EmbeddingStoreIngestor ingestor =
        EmbeddingStoreIngestor.builder()
            .documentSplitter(splitter)
            .embeddingModel(model)
            .embeddingStore(store)
            .build();
    for (Document d : library.documents()) {
      documents.put(d.id(), d);
      ingestor.ingest(
          dev.langchain4j.data.document.Document.from(
              d.text(), Metadata.from(DOCUMENT_KEY, d.id())));
    }
    retriever =
        EmbeddingStoreContentRetriever.builder()
            .embeddingStore(store)
            .embeddingModel(model)
            .maxResults(TOP_K)
            .build();
  }

  /** The baseline has no notion of a follow-up: every question stands alone. */
  @Override
  public Answer ask(String question, Conversation conversation) {
    long started = System.nanoTime();
    if (question.isBlank()) {
      return new Answer(
          question, "", false, List.of(), List.of(), indexVersion(), Map.of(), List.of());
    }
    List<Content> contents = retriever.retrieve(Query.from(question));
    List<Citation> citations = new ArrayList<>();
    for (Content content : contents) {
      citations.add(cite(citations.size() + 1, content));
    }
    String text = contents.isEmpty() ? "" : contents.get(0).textSegment().text();
    long total = (System.nanoTime() - started) / 1_000_000;
    return new Answer(
        question,
        text,
        false,
        citations,
        List.of(),
        indexVersion(),
        Map.of("total", total),
        List.of());
  }

  /**
   * Places a chunk in its document. The splitter rejoins pieces with its own separators, so the
   * chunk is matched with any whitespace between its words and the quote is the document's own text
   * at that place; a chunk not found at all keeps its text and fails the faithfulness check.
   */
  private Citation cite(int n, Content content) {
    TextSegment segment = content.textSegment();
    String id = segment.metadata().getString(DOCUMENT_KEY);
    Document doc = documents.get(id);
    Object scoreValue = content.metadata().get(ContentMetadata.SCORE);
    double score = scoreValue instanceof Number num ? num.doubleValue() : 0;
    String title = doc == null ? "" : doc.title();
    if (doc != null) {
      Matcher m = whitespaceTolerant(segment.text()).matcher(doc.text());
      if (m.find()) {
        return new Citation(
            n,
            id,
            title,
            "",
            0,
            0,
            m.start(),
            m.end(),
            doc.text().substring(m.start(), m.end()),
            score);
      }
    }
    String text = segment.text();
    return new Citation(n, String.valueOf(id), title, "", 0, 0, 0, text.length(), text, score);
  }

  static Pattern whitespaceTolerant(String chunk) {
    String[] words = chunk.strip().split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (String w : words) {
      if (regex.length() > 0) {
        regex.append("\\s+");
      }
      regex.append(Pattern.quote(w));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public Library library() {
    return library;
  }

  @Override
  public String indexVersion() {
    return "recursive(" + CHUNK_TOKENS + ",0) " + EmbeddingModels.MODEL_ID + " top-" + TOP_K;
  }

  @Override
  public void close() {
    // The ONNX session lives as long as the model object; nothing else to release.
  }
}
