package app.essayqa;

import app.essayqa.answer.AbstentionPolicy;
import app.essayqa.answer.Answer;
import app.essayqa.answer.AnswerComposer;
import app.essayqa.answer.AnswerKind;
import app.essayqa.answer.Composed;
import app.essayqa.answer.Evidence;
import app.essayqa.answer.ExtractiveAnswerComposer;
import app.essayqa.answer.QuestionText;
import app.essayqa.config.Config;
import app.essayqa.config.ConfigKeys;
import app.essayqa.error.EssayQaException;
import app.essayqa.index.IndexProgress;
import app.essayqa.index.Passage;
import app.essayqa.index.TokenEncoder;
import app.essayqa.ingest.Library;
import app.essayqa.retrieve.Bm25Retriever;
import app.essayqa.retrieve.HybridRetriever;
import app.essayqa.retrieve.Query;
import app.essayqa.retrieve.ScoredPassage;
import app.essayqa.retrieve.TermAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade every front end talks to: a question in, an {@link Answer} out. Opening it reads the
 * seeds, loads the embedding model and builds (or reuses from the cache) the index; that is the
 * only slow step. Thread-safe: {@link #ask} may be called from several threads at once. Throws
 * {@link EssayQaException} for anything a user can fix; its message is fit to print.
 */
public final class EssayQa implements Answerer {
  private static final Logger LOG = LoggerFactory.getLogger(EssayQa.class);

  /** How many ranked passages abstention, composition and {@code :debug} look at. */
  private static final int CANDIDATES_SHOWN = 10;

  /** How many of the best passages may be reordered by the kind of answer they hold. */
  private static final int KIND_RERANK_WINDOW = 3;

  /** "Tell me more" and the like: continue reading after the previous answer. */
  private static final Pattern MORE =
      Pattern.compile(
          "(?i)^\\s*(tell me more|more|go on|continue|keep going|and then|what else|elaborate|"
              + "say more|more please|please continue|what next)\\W*$");

  private static final String NOT_ANSWERED = "The essay does not answer that";

  /** Questions about the whole text rather than a fact in it. */
  private static final Pattern OVERVIEW =
      Pattern.compile(
          "(?i)\\b(about|summar(y|ise|ize)|gist|overview|main (point|idea|argument|theme|topic)s?|"
              + "topic|subject|thesis)\\b");

  private final Config config;
  private final Library library;
  private final List<Passage> passages;
  private final TokenEncoder tokenEncoder;
  private final TermAnalyzer analyzer;
  private final QueryBuilder queries;
  private final Bm25Retriever bm25;
  private final HybridRetriever retriever;
  private final AbstentionPolicy abstention;
  private final ExtractiveAnswerComposer quoter;
  private final AnswerComposer composer;
  private final String indexVersion;
  private final AbstentionPolicy.Lexicon lexicon;

  EssayQa(
      Config config,
      Library library,
      List<Passage> passages,
      TokenEncoder tokenEncoder,
      TermAnalyzer analyzer,
      Bm25Retriever bm25,
      QueryBuilder queries,
      HybridRetriever retriever,
      ExtractiveAnswerComposer quoter,
      AnswerComposer composer,
      String indexVersion) {
    this.lexicon =
        new AbstentionPolicy.Lexicon() {
          @Override
          public List<String> analyse(String text) {
            return analyzer.questionTerms(text);
          }

          @Override
          public boolean known(String term) {
            return bm25.inVocabulary(term);
          }
        };
    this.config = config;
    this.library = library;
    this.passages = passages;
    this.tokenEncoder = tokenEncoder;
    this.queries = queries;
    this.analyzer = analyzer;
    this.bm25 = bm25;
    this.retriever = retriever;
    this.indexVersion = indexVersion;
    this.abstention =
        new AbstentionPolicy(
            config.getDouble(ConfigKeys.ABSTENTION_MIN_SIMILARITY),
            config.getDouble(ConfigKeys.ABSTENTION_CONFIDENT_SIMILARITY),
            config.getDouble(ConfigKeys.ABSTENTION_MIN_TERM_COVERAGE),
            config.getBoolean(ConfigKeys.ABSTENTION_CHECK_ANSWER_TYPE));
    this.quoter = quoter;
    this.composer = composer;
  }

  /** Reads the seeds and builds or loads the index described by {@code config}. */
  public static EssayQa open(Config config) {
    return EssayQaFactory.open(config, IndexProgress.NONE);
  }

  /** As {@link #open(Config)}, showing how indexing goes on {@code progress}. */
  public static EssayQa open(Config config, IndexProgress progress) {
    return EssayQaFactory.open(config, progress);
  }

  @Override
  public Answer ask(String question, Conversation conversation) {
    Answer previous = conversation.last().orElse(null);
    if (previous == null || previous.abstained() || previous.citations().isEmpty()) {
      return answer(question, question, Set.of());
    }
    String shown = question == null ? "" : question;
    if (MORE.matcher(shown).matches()) {
      return continueAfter(shown, previous);
    }
    Set<String> paragraphs = new LinkedHashSet<>();
    previous.citations().forEach(c -> paragraphs.add(c.document() + "#" + c.paragraph()));
    return answer(shown, shown + " " + previous.question(), paragraphs);
  }

  @Override
  public Library library() {
    return library;
  }

  @Override
  public String indexVersion() {
    return indexVersion;
  }

  public Config config() {
    return config;
  }

  @Override
  public void close() {
    bm25.close();
    analyzer.close();
    tokenEncoder.close();
  }

  private Answer answer(String shown, String asked, Set<String> preferredParagraphs) {
    long t0 = System.nanoTime();
    Map<String, Long> timings = new LinkedHashMap<>();
    int maxChars = config.getInt(ConfigKeys.QUESTION_MAX_CHARS);
    String display = shown == null ? "" : shown;
    QuestionText.Cleaned cleaned = QuestionText.clean(shown, maxChars);
    if (cleaned.problem().isPresent()) {
      timings.put("total", ms(t0));
      return new Answer(
          display,
          cleaned.problem().get(),
          true,
          List.of(),
          List.of(),
          indexVersion,
          timings,
          List.of());
    }
    String text =
        asked.equals(shown) ? cleaned.text() : QuestionText.clean(asked, 2 * maxChars).text();
    List<String> terms = List.copyOf(new LinkedHashSet<>(analyzer.questionTerms(text)));
    if (terms.isEmpty()) {
      return OVERVIEW.matcher(text).find() ? overview(display, t0) : nothingToLookFor(display, t0);
    }
    long t1 = System.nanoTime();
    Query query = queries.build(text, terms);
    timings.put("embed", ms(t1));
    long t2 = System.nanoTime();
    List<ScoredPassage> ranked = retriever.retrieve(query, CANDIDATES_SHOWN);
    if (!preferredParagraphs.isEmpty()) {
      ranked = preferring(ranked, preferredParagraphs);
    }
    ranked = holdingTheKindFirst(ranked, AnswerKind.of(text));
    timings.put("retrieve", ms(t2));
    long t3 = System.nanoTime();
    AbstentionPolicy.Verdict verdict = abstention.judge(query, ranked, lexicon);
    List<Evidence> evidence = evidence(ranked);
    Answer answer;
    if (ranked.isEmpty() || verdict.abstainReason().isPresent()) {
      List<String> topics = nearestTopics(ranked);
      String reason = verdict.abstainReason().orElse("nothing in the essays matches it");
      // The topics travel in nearestTopics; each front end lists them in its own way.
      String body = NOT_ANSWERED + " (" + reason + ").";
      timings.put("compose", ms(t3));
      timings.put("total", ms(t0));
      answer = new Answer(display, body, true, List.of(), topics, indexVersion, timings, evidence);
    } else {
      Composed composed = composer.compose(text, ranked, verdict.signals().contentTerms());
      timings.put("compose", ms(t3));
      timings.put("total", ms(t0));
      answer =
          new Answer(
              display,
              composed.text(),
              false,
              composed.citations(),
              List.of(),
              indexVersion,
              timings,
              evidence);
    }
    LOG.debug(
        "ask: {} candidates, abstained={}, signals={} in {} ms",
        ranked.size(),
        answer.abstained(),
        verdict.signals(),
        timings.get("total"));
    return answer;
  }

  /**
   * Among the best few passages, puts those that hold the kind of answer asked for (a number for
   * "how many", a date for "when") ahead of those that do not, as classic QA systems do: a sentence
   * that reads like the question but holds no date cannot answer "when".
   */
  private static List<ScoredPassage> holdingTheKindFirst(
      List<ScoredPassage> ranked, AnswerKind.Wanted wanted) {
    // Only numbers and dates are told apart reliably; "who" and "where" cues (any capitalised
    // word, "participants") are too common to reorder by.
    if (wanted.kind() != AnswerKind.TIME && wanted.kind() != AnswerKind.QUANTITY) {
      return ranked;
    }
    int window = Math.min(KIND_RERANK_WINDOW, ranked.size());
    List<ScoredPassage> head = new ArrayList<>(ranked.subList(0, window));
    head.sort(
        java.util.Comparator.comparing(
            (ScoredPassage sp) -> !AnswerKind.isHeldBy(wanted, sp.passage().text())));
    List<ScoredPassage> result = new ArrayList<>(head);
    result.addAll(ranked.subList(window, ranked.size()));
    return result;
  }

  /**
   * "What is the essay about?": the opening sentences of each document, which state its subject.
   */
  private Answer overview(String shown, long t0) {
    List<ScoredPassage> opening = new ArrayList<>();
    Set<String> seenDocuments = new LinkedHashSet<>();
    int firstParagraph = -1;
    for (Passage p : passages) {
      if (seenDocuments.add(p.documentId())) {
        firstParagraph = p.paragraph();
      }
      if (p.paragraph() == firstParagraph && p.sentence() <= 2) {
        opening.add(new ScoredPassage(p, 0, 0, 1.0, List.of()));
      }
    }
    Composed composed = quoter.compose(opening, List.of());
    return new Answer(
        shown,
        composed.text(),
        false,
        composed.citations(),
        List.of(),
        indexVersion,
        Map.of("total", ms(t0)),
        evidence(opening));
  }

  /** A question made only of question words ("What is it?") names nothing to search for. */
  private Answer nothingToLookFor(String shown, long t0) {
    List<String> sections = new ArrayList<>();
    library.documents().forEach(d -> sections.addAll(d.sections()));
    return new Answer(
        shown,
        "That question names nothing to look for in the essay. Ask about a person, place, event or"
            + " idea in it; its sections are listed below.",
        true,
        List.of(),
        sections,
        indexVersion,
        Map.of("total", ms(t0)),
        List.of());
  }

  /** Moves passages from the earlier answer's paragraphs up, keeping the rest in order. */
  private static List<ScoredPassage> preferring(
      List<ScoredPassage> ranked, Set<String> paragraphs) {
    double top = ranked.isEmpty() ? 0 : ranked.get(0).fused();
    List<ScoredPassage> boosted = new ArrayList<>();
    for (ScoredPassage sp : ranked) {
      boolean preferred =
          paragraphs.contains(sp.passage().documentId() + "#" + sp.passage().paragraph());
      boosted.add(preferred ? sp.withFused(sp.fused() + 0.5 * top) : sp);
    }
    boosted.sort(
        java.util.Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return boosted;
  }

  /** "Tell me more": the sentences that follow the earlier answer's last quote. */
  private Answer continueAfter(String shown, Answer previous) {
    long t0 = System.nanoTime();
    int last = -1;
    for (var c : previous.citations()) {
      for (Passage p : passages) {
        if (p.documentId().equals(c.document()) && p.start() == c.start()) {
          if (previous.text().contains("[" + c.n() + "]")) {
            last = Math.max(last, p.id());
          }
        }
      }
    }
    List<ScoredPassage> next = new ArrayList<>();
    for (int id = last + 1; id < passages.size() && next.size() < 2; id++) {
      Passage p = passages.get(id);
      if (!p.documentId().equals(passages.get(Math.max(last, 0)).documentId())) {
        break;
      }
      next.add(new ScoredPassage(p, 0, 0, 1.0 / (next.size() + 1), List.of()));
    }
    Map<String, Long> timings = new LinkedHashMap<>();
    if (last < 0 || next.isEmpty()) {
      timings.put("total", ms(t0));
      return new Answer(
          shown,
          "That was the end of the essay; there is no more to read after it.",
          true,
          List.of(),
          List.of(),
          indexVersion,
          timings,
          List.of());
    }
    Composed composed = quoter.compose(next, List.of());
    timings.put("total", ms(t0));
    return new Answer(
        shown,
        composed.text(),
        false,
        composed.citations(),
        List.of(),
        indexVersion,
        timings,
        evidence(next));
  }

  private List<String> nearestTopics(List<ScoredPassage> ranked) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> topics = new ArrayList<>();
    for (ScoredPassage sp : ranked) {
      Passage p = sp.passage();
      if (topics.size() >= 3 || !seen.add(p.documentId() + "#" + p.paragraph())) {
        continue;
      }
      library
          .document(p.documentId())
          .flatMap(d -> d.paragraph(p.paragraph()))
          .map(ExtractiveAnswerComposer::topicOf)
          .ifPresent(topics::add);
    }
    return topics;
  }

  private static List<Evidence> evidence(List<ScoredPassage> ranked) {
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      ScoredPassage sp = ranked.get(i);
      evidence.add(
          new Evidence(
              sp.passage().locator(),
              i + 1,
              sp.dense(),
              sp.bm25(),
              sp.fused(),
              sp.matchedTerms(),
              sp.passage().text(),
              sp.late()));
    }
    return evidence;
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
