package app.essayqa.index;

import app.essayqa.index.PassageSplitter.ContextPart;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Indexes one file, its token vectors going to {@code tokens} as each batch of model runs comes
   * back. No run is kept: each is reduced at once to what the index needs of it (a sentence's
   * vector and token vectors; its share of the context vectors that include it; a clause's view and
   * its share of the pairs it belongs to), so the heap holds the file's passage vectors and one
   * batch, however long the file. {@code pageStarts} as {@link Document#pageStarts()}.
   */
  BuiltFile index(
      String name,
      String text,
      List<Integer> pageStarts,
      IndexProgress progress,
      TokenSpill tokens) {
    Document document = parser.parse(name, text, pageStarts);
    List<Passage> passages = splitter.split(new Library(List.of(document), List.of()));
    List<List<ContextPart>> parts = splitter.contextParts(document);
    int n = passages.size();
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
    int[] firstClause = new int[n + 1];
    List<int[]> clauseOf = new ArrayList<>(); // per clause text: passage, clause number, clauses
    for (Passage p : passages) {
      List<int[]> spans = ClauseSplitter.viewSpans(p.text());
      int ones = (spans.size() + 1) / 2;
      for (int k = 0; k < spans.size(); k += 2) {
        texts.add(p.text().substring(spans.get(k)[0], spans.get(k)[1]));
        clauseOf.add(new int[] {p.id(), k / 2, ones});
      }
      // The views are each clause and each pair of neighbours: a pair's vector is the mean of
      // its two clauses' runs.
      firstClause[p.id() + 1] = firstClause[p.id()] + Math.max(0, 2 * ones - 1);
    }
    // A context with a line of its own besides the heading (the author line of a bio) is always
    // run whole: composed from separate runs, the line no longer reads as saying who wrote the
    // bio's sentences.
    int wholeAt = texts.size();
    int[] wholeOf = new int[n];
    Arrays.fill(wholeOf, -1);
    List<Integer> wholePassages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (embedContexts || parts.get(i).stream().filter(p -> p.literal() != null).count() > 1) {
        wholeOf[i] = texts.size();
        wholePassages.add(i);
        texts.add(passages.get(i).context());
      }
    }
    // Who needs each run's sum: a composed context is its own [CLS] and [SEP] plus the sums of
    // the literals and sentences it is made of, added as each of those runs comes back.
    Map<Long, Integer> byPlace = new HashMap<>();
    for (Passage p : passages) {
      byPlace.put(place(p.paragraph(), p.sentence()), p.id());
    }
    List<List<Integer>> usedBy = new ArrayList<>(clauseAt);
    for (int t = 0; t < clauseAt; t++) {
      usedBy.add(new ArrayList<>(2));
    }
    for (int i = 0; i < n; i++) {
      if (wholeOf[i] >= 0) {
        continue;
      }
      for (ContextPart part : parts.get(i)) {
        if (part.literal() != null) {
          Integer at = literals.get(part.literal().strip());
          if (at != null) {
            usedBy.get(at).add(i);
          }
        } else if (part.sentence() == 0) {
          int count = document.paragraphs().get(part.paragraph() - 1).sentences().size();
          for (int k = 1; k <= count; k++) {
            usedBy.get(byPlace.get(place(part.paragraph(), k))).add(i);
          }
        } else {
          usedBy.get(byPlace.get(place(part.paragraph(), part.sentence()))).add(i);
        }
      }
    }
    progress.fileParsed(name, text.length(), texts.size());

    float[][] sentences = new float[n][];
    float[][] contexts = new float[n][];
    float[][] clauses = new float[firstClause[n]][];
    int[] tokenCount = new int[n];
    int[] spillRow = new int[n];
    Map<String, List<String>> analysed = new HashMap<>();
    int dim = encoder.spec().dimensions();
    for (int i = 0; i < n; i++) {
      if (wholeOf[i] < 0) {
        contexts[i] = new float[dim];
      }
    }
    for (int v = 0; v < clauses.length; v++) {
      clauses[v] = new float[dim];
    }
    boolean cls = encoder.spec().pooling() == ModelSpec.Pooling.CLS;
    encoder.runEach(
        texts,
        (t, run) -> {
          if (t < n) {
            sentences[t] = run.pooled();
            spillRow[t] = tokens.rows();
            int word = 0;
            for (int r = 0; r < run.rows(); r++) {
              if (run.special()[r] != 0) {
                continue;
              }
              String w = run.words().get(word++);
              if (!analysed.computeIfAbsent(w, analyse).isEmpty()) {
                tokens.append(Embedder.unit(run.state(r)));
                tokenCount[t]++;
              }
            }
            if (wholeOf[t] < 0) {
              add(contexts[t], run.specials());
            }
          }
          if (t < clauseAt && !usedBy.get(t).isEmpty()) {
            float[] sum = run.sum(false);
            for (int i : usedBy.get(t)) {
              add(contexts[i], sum);
            }
          } else if (t >= clauseAt && t < wholeAt) {
            int[] of = clauseOf.get(t - clauseAt);
            int view = firstClause[of[0]] + 2 * of[1];
            float[] pooled = run.pooled();
            clauses[view] = pooled;
            // A pair's vector: the mean over both clauses' tokens (the first one's [CLS] and
            // [SEP] included), or the mean of two [CLS] vectors.
            if (of[1] + 1 < of[2]) {
              add(clauses[view + 1], cls ? pooled : run.sum(true));
            }
            if (of[1] > 0) {
              add(clauses[view - 1], cls ? pooled : run.sum(false));
            }
          } else if (t >= wholeAt) {
            contexts[wholePassages.get(t - wholeAt)] = run.pooled();
          }
        },
        progress::sentences);
    int[] firstToken = new int[n + 1];
    for (int i = 0; i < n; i++) {
      firstToken[i + 1] = firstToken[i] + tokenCount[i];
      if (wholeOf[i] < 0) {
        contexts[i] = Embedder.unit(contexts[i]);
      }
      for (int v = firstClause[i] + 1; v < firstClause[i + 1]; v += 2) {
        clauses[v] = Embedder.unit(clauses[v]);
      }
    }

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
    return new BuiltFile(
        document,
        sentences,
        contexts,
        clauses,
        firstClause,
        firstToken,
        spillRow,
        tokens,
        words,
        stems);
  }

  private static long place(int paragraph, int sentence) {
    return ((long) paragraph << 32) | sentence;
  }

  private static void add(float[] sum, float[] v) {
    for (int d = 0; d < sum.length; d++) {
      sum[d] += v[d];
    }
  }
}
