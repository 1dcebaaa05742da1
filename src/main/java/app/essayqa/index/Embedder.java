package app.essayqa.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/** Embeds texts into unit-length vectors, so that a dot product is their cosine similarity. */
public final class Embedder {
  private final EmbeddingModel model;

  public Embedder(EmbeddingModel model) {
    this.model = model;
  }

  /** One unit vector per text, in order; LangChain4j embeds several texts in parallel. */
  public float[][] embed(List<String> texts) {
    List<Embedding> embeddings =
        model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    float[][] vectors = new float[embeddings.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = unit(embeddings.get(i).vector());
    }
    return vectors;
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
