package app.essayqa.index;

import app.essayqa.index.PassageSplitter.ContextPart;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the index of one seed file with one run of the model per sentence, one per clause of a
 * sentence that has several, and (by default) one per context text: the sentence vector is the mean
 * of its run's token states (exactly what embedding the sentence alone gives), its token vectors
 * are those states, and a pair of clauses is the mean of the two clauses' runs. With {@code
 * chunking.context-vectors: composed} a context vector is instead the mean of the states of the
 * sentences it is made of plus the heading's short run: about a third of the model time, and lower
 * scores on the essay suite (README "Scaling" has the figures).
 */
final class FileIndexer {
  /** Padded rows per model run: enough to keep both cores busy, little padding when sorted. */
  static final int BATCH = 32;

  private final DocumentParser parser = new DocumentParser();
  private final PassageSplitter splitter;
  private final TokenEncoder encoder;
  private final boolean embedContexts;
  private final Function<String, List<String>> analyse;

  /**
   * @param embedContexts run each context text whole (exact, about three sentence runs more per
   *     sentence) rather than compose its vector from the sentences' runs
   */
  FileIndexer(
      int contextSentences,
      boolean embedContexts,
      TokenEncoder encoder,
      Function<String, List<String>> analyse) {
    // A vector pooled from [CLS] cannot be composed from other runs' states: always run whole.
    this.embedContexts = embedContexts || encoder.spec().pooling() == ModelSpec.Pooling.CLS;
    this.splitter = new PassageSplitter(contextSentences);
    this.encoder = encoder;
    this.analyse = analyse;
  }

  FileIndex index(String name, String text, IndexProgress progress) {
    return index(name, text, List.of(), progress);
  }

  /** Indexes a paged document's text, {@code pageStarts} as {@link Document#pageStarts()}. */
  FileIndex index(String name, String text, List<Integer> pageStarts, IndexProgress progress) {
    Document document = parser.parse(name, text, pageStarts);
    List<Passage> passages = splitter.split(new Library(List.of(document), List.of()));
    List<List<ContextPart>> parts = splitter.contextParts(document);
    Map<String, Integer> literals = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    passages.forEach(p -> texts.add(p.text()));
    for (List<ContextPart> passageParts : parts) {
      for (ContextPart part : passageParts) {
        if (part.literal() != null && !part.literal().isBlank()) {
          literals.computeIfAbsent(
              part.literal().strip(),
              l -> {
                texts.add(l);
                return texts.size() - 1;
              });
        }
      }
    }
    // Each clause of a multi-clause sentence is also run alone: pooled from the sentence's run,
    // a clause's tokens have seen the whole sentence and its vector comes out close to the
    // sentence's, which lost 0.015 of hit@1 on the essay suite (README "Scaling").
    int clauseAt = texts.size();
    for (Passage p : passages) {
      List<int[]> spans = ClauseSplitter.viewSpans(p.text());
      for (int k = 0; k < spans.size(); k += 2) {
        texts.add(p.text().substring(spans.get(k)[0], spans.get(k)[1]));
      }
    }
    // A context with a line of its own besides the heading (the author line of a bio) is always
    // run whole: composed from separate runs, the line no longer reads as saying who wrote the
    // bio's sentences.
    Map<Integer, Integer> wholeContext = new HashMap<>();
    for (int i = 0; i < passages.size(); i++) {
      if (embedContexts || parts.get(i).stream().filter(p -> p.literal() != null).count() > 1) {
        wholeContext.put(i, texts.size());
        texts.add(passages.get(i).context());
      }
    }
    progress.fileParsed(name, text.length(), texts.size());
    List<TokenEncoder.Run> runs = encoder.runAll(texts, BATCH, progress::sentences);

    int n = passages.size();
    Map<Long, Integer> byPlace = new HashMap<>();
    for (Passage p : passages) {
      byPlace.put(place(p.paragraph(), p.sentence()), p.id());
    }
    float[][] sentences = new float[n][];
    float[][] contexts = new float[n][];
    float[][] sums = new float[n][];
    List<float[]> clauses = new ArrayList<>();
    List<float[]> tokens = new ArrayList<>();
    int[] firstClause = new int[n + 1];
    int[] firstToken = new int[n + 1];
    Map<String, List<String>> analysed = new HashMap<>();
    for (int i = 0; i < n; i++) {
      TokenEncoder.Run run = runs.get(i);
      sentences[i] = run.pooled();
      sums[i] = run.sum(0, run.states().length, false);
    }
    int clause = clauseAt;
    for (int i = 0; i < n; i++) {
      TokenEncoder.Run run = runs.get(i);
      Passage p = passages.get(i);
      float[] specials = specials(run);
      firstClause[i] = clauses.size();
      // The views are each clause and each pair of neighbours: a pair's vector is the mean of
      // its two clauses' runs.
      int ones = (ClauseSplitter.viewSpans(p.text()).size() + 1) / 2;
      for (int k = 0; k < ones; k++) {
        TokenEncoder.Run one = runs.get(clause + k);
        clauses.add(one.pooled());
        if (k + 1 < ones) {
          TokenEncoder.Run next = runs.get(clause + k + 1);
          clauses.add(Embedder.unit(pair(one, next)));
        }
      }
      clause += ones;
      firstToken[i] = tokens.size();
      int word = 0;
      for (int t = 0; t < run.states().length; t++) {
        if (run.special()[t] != 0) {
          continue;
        }
        String w = run.words().get(word++);
        if (!analysed.computeIfAbsent(w, analyse).isEmpty()) {
          tokens.add(Embedder.unit(run.states()[t]));
        }
      }
      float[] context = specials.clone();
      for (ContextPart part : parts.get(i)) {
        if (part.literal() != null) {
          Integer at = literals.get(part.literal().strip());
          if (at != null) {
            add(context, runs.get(at).sum(0, runs.get(at).states().length, false));
          }
        } else if (part.sentence() == 0) {
          int count = document.paragraphs().get(part.paragraph() - 1).sentences().size();
          for (int s = 1; s <= count; s++) {
            add(context, sums[byPlace.get(place(part.paragraph(), s))]);
          }
        } else {
          add(context, sums[byPlace.get(place(part.paragraph(), part.sentence()))]);
        }
      }
      Integer whole = wholeContext.get(i);
      contexts[i] = whole == null ? Embedder.unit(context) : runs.get(whole).pooled();
    }
    firstClause[n] = clauses.size();
    firstToken[n] = tokens.size();

    ByteBuffer values = ByteBuffer.allocate(tokens.size() * 384);
    ByteBuffer scales = ByteBuffer.allocate(tokens.size() * Float.BYTES);
    TokenVectors.quantize(tokens.toArray(new float[0][]), values, scales);

    Set<String> seen = new HashSet<>();
    List<String> words = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    for (Passage p : passages) {
      for (String w : Words.of(p.section() + " " + p.text())) {
        List<String> terms = analysed.computeIfAbsent(w, analyse);
        if (terms.size() == 1 && seen.add(w)) {
          words.add(w);
          stems.add(terms.get(0));
        }
      }
    }
    return new FileIndex(
        document,
        sentences,
        contexts,
        clauses.toArray(new float[0][]),
        firstClause,
        values.flip(),
        scales.flip(),
        firstToken,
        words,
        stems);
  }

  /** Two neighbouring clauses as one view: mean pooling composes, [CLS] vectors are averaged. */
  private static float[] pair(TokenEncoder.Run one, TokenEncoder.Run next) {
    if (one.pooling() == ModelSpec.Pooling.CLS) {
      float[] pair = one.pooled().clone();
      add(pair, next.pooled());
      return pair;
    }
    float[] pair = one.sum(0, one.states().length, true);
    add(pair, next.sum(0, next.states().length, false));
    return pair;
  }

  private static long place(int paragraph, int sentence) {
    return ((long) paragraph << 32) | sentence;
  }

  /** The states of [CLS] and [SEP]: every separately embedded text has them once. */
  private static float[] specials(TokenEncoder.Run run) {
    float[] sum = new float[run.states().length == 0 ? 384 : run.states()[0].length];
    for (int t = 0; t < run.states().length; t++) {
      if (run.special()[t] != 0) {
        add(sum, run.states()[t]);
      }
    }
    return sum;
  }

  private static void add(float[] sum, float[] v) {
    for (int d = 0; d < sum.length; d++) {
      sum[d] += v[d];
    }
  }
}
