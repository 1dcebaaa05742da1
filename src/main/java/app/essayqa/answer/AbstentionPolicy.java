package app.essayqa.answer;

import app.essayqa.index.Passage;
import app.essayqa.index.TermAnalyzer;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import app.essayqa.question.AnswerKind;
import app.essayqa.question.Query;
import app.essayqa.question.Question;
import app.essayqa.question.Scope;
import app.essayqa.retrieve.OffTopicFloors;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides from evidence whether the retrieved passages answer a question. Similarity alone cannot:
 * "What nationality is Brendan Howe?" reads close to the sentence that quotes Howe. And the words
 * of the library cannot either: a question's idioms may occur nowhere, and once other documents
 * share the seeds folder nearly every word occurs somewhere. So it asks of the best few passages
 * what the question asks of its answer: that the paragraph holds the names it mentions, that the
 * sentence holds what it asks about them (its predicate terms, or a near synonym, or reads very
 * close), the noun a "which X" asks for, and an answer of the kind wanted (a date for "when"). With
 * a {@link DecisionModel} those checks and the retrieval scores are features of two fitted
 * regressions, one ordering the passages and one deciding; without one (the rules) the first
 * passage that passes every check is the evidence, and none means a refusal saying what was
 * missing. Thresholds come from config. Thread-safe: it holds no mutable state.
 */
public final class AbstentionPolicy {
  /** How close a neighbour must be for an unknown name to count as known ("Tokyo" ~ "Osaka"). */
  private static final double NAME_SYNONYM = 0.6;

  /** A question about a named subject that asks at most this much more asks for an attribute. */
  private static final int ATTRIBUTE_PREDICATE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(AbstentionPolicy.class);

  /** Reads no token vectors: every passage's weakest word is 0. */
  public static final ToDoubleBiFunction<Query, Passage> NO_TOKEN_VECTORS = (query, passage) -> 0;

  private final Library library;
  private final TermAnalyzer analyzer;
  private final Settings settings;
  private final OffTopicFloors floors;
  private final Optional<DecisionModel> model;
  private final ToDoubleBiFunction<Query, Passage> weakestWord;

  /**
   * @param minSimilarity below this best cosine nothing in the library is near the question
   * @param weakSimilarity below this cosine a passage must hold the question's words to count
   * @param confidentSimilarity from this cosine a passage needs none of the question's words
   * @param minEvidence share of the predicate terms a passage must hold, itself or by synonym
   * @param window how many of the best passages are searched for the evidence
   * @param checkKind whether the kind of answer is checked
   */
  public record Settings(
      double minSimilarity,
      double weakSimilarity,
      double confidentSimilarity,
      double minEvidence,
      int window,
      boolean checkKind) {}

  /** The rules alone, without token vectors (tests). */
  AbstentionPolicy(
      Library library, TermAnalyzer analyzer, Settings settings, OffTopicFloors floors) {
    this(library, analyzer, settings, floors, Optional.empty(), NO_TOKEN_VECTORS);
  }

  /**
   * @param floors the library's off-topic floors: evidence must come from a document the question
   *     is about, one whose best passage stands above what unrelated questions reach in it
   * @param model the calibrated decision model that orders the best passages and decides; empty for
   *     the rules alone
   * @param weakestWord how well the sentence matches the question word it matches worst (see {@code
   *     LateInteractionReranker.weakest}); {@link #NO_TOKEN_VECTORS} when they are off
   */
  public AbstentionPolicy(
      Library library,
      TermAnalyzer analyzer,
      Settings settings,
      OffTopicFloors floors,
      Optional<DecisionModel> model,
      ToDoubleBiFunction<Query, Passage> weakestWord) {
    this.library = library;
    this.analyzer = analyzer;
    this.settings = settings;
    this.floors = floors;
    this.model = model;
    this.weakestWord = weakestWord;
  }

  /**
   * The verdict: a reason to abstain, or empty to answer; the signals behind it; the passages in
   * the order to answer from, the evidence passage first; and how each judged passage was seen.
   */
  public record Verdict(
      Optional<String> abstainReason,
      Signals signals,
      List<ScoredPassage> ranked,
      List<Judgement> judged) {
    public Verdict {
      ranked = List.copyOf(ranked);
      judged = List.copyOf(judged);
    }

    Verdict(Optional<String> abstainReason, Signals signals, List<ScoredPassage> ranked) {
      this(abstainReason, signals, ranked, List.of());
    }
  }

  /** One judged candidate: where it ranked, what the rules found and what the model reads. */
  private record Candidate(
      int index, ScoredPassage passage, Signals signals, PassageFeatures features, boolean about) {}

  /**
   * @param ranked the best passages, most relevant first
   */
  public Verdict judge(Query query, List<ScoredPassage> ranked) {
    Question q = query.question();
    double bestDense = ranked.stream().limit(3).mapToDouble(ScoredPassage::dense).max().orElse(-1);
    List<String> unknown = unknownNames(query);
    Signals none =
        new Signals(bestDense, q.terms(), unknown, false, 0, false, q.wanted().kind(), false, 0);
    if (ranked.isEmpty()) {
      return new Verdict(Optional.of("nothing in it matches the question"), none, ranked);
    }
    if (!unknown.isEmpty()) {
      return new Verdict(
          Optional.of("it never mentions " + String.join(", ", unknown)), none, ranked);
    }
    if (q.scope() == Scope.OVERVIEW || q.scope() == Scope.CONTINUE) {
      // Its subject, reading on: answered from the document's structure, not from a match.
      return new Verdict(
          Optional.empty(), check(query, ranked.get(0), bestDense, 1).signals(), ranked);
    }
    if (bestDense < settings.minSimilarity() && q.scope() == Scope.FACT) {
      return new Verdict(Optional.of("nothing in it is close to the question"), none, ranked);
    }
    List<Candidate> candidates = candidates(query, ranked, bestDense);
    return model.isPresent()
        ? calibrated(q, ranked, candidates, model.get())
        : byRules(q, ranked, candidates);
  }

  /** The best passages of {@code ranked}, each checked and described for the decision model. */
  private List<Candidate> candidates(Query query, List<ScoredPassage> ranked, double bestDense) {
    Question q = query.question();
    Set<String> topical = floors.topical(ranked);
    int window = Math.min(settings.window(), ranked.size());
    List<ScoredPassage> head = ranked.subList(0, window);
    double topDense = head.stream().mapToDouble(ScoredPassage::dense).max().orElse(0);
    double topBm25 = head.stream().mapToDouble(ScoredPassage::bm25).max().orElse(0);
    double topFused = head.stream().mapToDouble(ScoredPassage::fused).max().orElse(0);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < window; i++) {
      ScoredPassage sp = ranked.get(i);
      Check c = check(query, sp, bestDense, i + 1);
      LOG.trace("judge: {} {}", sp.passage().locator(), c.signals());
      boolean onTopic = topical.contains(sp.passage().documentId());
      // Evidence from a document the question is not about (its best passage no closer than
      // unrelated questions come to it) counts only when it holds the names the question asks
      // about: a chance match shares a word, rarely a name.
      boolean about =
          q.scope() != Scope.FACT || onTopic || (!q.names().isEmpty() && c.signals().namesHeld());
      long covered = sp.coveredTerms().stream().filter(q.terms()::contains).distinct().count();
      PassageFeatures f =
          new PassageFeatures(
              sp.dense(),
              topDense - sp.dense(),
              topBm25 > 0 ? sp.bm25() / topBm25 : 0,
              sp.late(),
              topFused > 0 ? sp.fused() / topFused : 0,
              1.0 / (i + 1),
              q.terms().isEmpty() ? 0 : covered / (double) q.terms().size(),
              c.signals().evidence(),
              q.names().isEmpty() ? 0 : 1 - c.namesFound() / (double) q.names().size(),
              q.focus().isPresent() && !c.signals().focusHeld() ? 1 : 0,
              q.wanted().kind() != AnswerKind.ANY && c.signals().kindHeld() ? 1 : 0,
              q.wanted().kind() != AnswerKind.ANY && !c.signals().kindHeld() ? 1 : 0,
              isAttributeQuestion(q) ? 1 : 0,
              q.scope() == Scope.FACT && !onTopic ? 1 : 0,
              c.signals().evidenceRank() > 0 ? 1 : 0,
              c.sentenceNames(),
              c.sentenceEvidence(),
              Math.min(1, sp.passage().text().length() / 400.0),
              ShortAnswerFinder.lacksTheTypedFact(q, sp.passage().text()) ? 1 : 0,
              weakestWord.applyAsDouble(query, sp.passage()));
      candidates.add(new Candidate(i, sp, c.signals(), f, about));
    }
    return candidates;
  }

  /**
   * The rules: the first passage the question is about that holds all of its evidence answers; none
   * means a refusal saying what the closest one lacked.
   */
  private static Verdict byRules(
      Question q, List<ScoredPassage> ranked, List<Candidate> candidates) {
    List<Judgement> judged =
        candidates.stream()
            .map(
                c ->
                    new Judgement(
                        c.passage().passage().id(),
                        c.features(),
                        c.about(),
                        OptionalDouble.empty()))
            .toList();
    Candidate first = null;
    for (Candidate c : candidates) {
      if (!c.about()) {
        continue;
      }
      if (first == null) {
        first = c;
      }
      if (c.signals().evidenceRank() > 0) {
        List<ScoredPassage> reordered = new ArrayList<>(ranked);
        reordered.add(0, reordered.remove(c.index()));
        return new Verdict(Optional.empty(), c.signals(), reordered, judged);
      }
    }
    if (first == null) {
      // Nothing stands above what unrelated questions reach in these documents by chance.
      return new Verdict(
          Optional.of("nothing in it is closer to the question than unrelated questions come"),
          withEvidenceRank(candidates.get(0).signals(), 0),
          ranked,
          judged);
    }
    return new Verdict(Optional.of(missing(q, first.signals())), first.signals(), ranked, judged);
  }

  /**
   * The decision model: the passages the question is about are ordered by their ordering score; the
   * best answers when the answer score reaches the model's threshold, else the question is refused
   * with what that passage lacked.
   */
  private static Verdict calibrated(
      Question q, List<ScoredPassage> ranked, List<Candidate> candidates, DecisionModel model) {
    List<Judgement> judged = new ArrayList<>();
    List<Candidate> about = new ArrayList<>();
    double[] score = new double[candidates.size()];
    for (Candidate c : candidates) {
      score[c.index()] = model.orderScore(c.features());
      judged.add(
          new Judgement(
              c.passage().passage().id(),
              c.features(),
              c.about(),
              OptionalDouble.of(score[c.index()])));
      if (c.about()) {
        about.add(c);
      }
    }
    if (about.isEmpty()) {
      return new Verdict(
          Optional.of("nothing in it is closer to the question than unrelated questions come"),
          withEvidenceRank(candidates.get(0).signals(), 0),
          ranked,
          judged);
    }
    about.sort(Comparator.comparingDouble((Candidate c) -> -score[c.index()]));
    Candidate best = about.get(0);
    double answerScore =
        model.answerScore(
            QuestionFeatures.of(
                best.features(),
                score[best.index()],
                about.stream().map(Candidate::features).toList()));
    LOG.debug("calibrated: answer score {} (threshold {})", answerScore, model.threshold());
    if (answerScore < model.threshold()) {
      return new Verdict(
          Optional.of(missing(q, best.signals())),
          withEvidenceRank(best.signals(), 0),
          ranked,
          judged);
    }
    List<ScoredPassage> reordered = new ArrayList<>();
    about.forEach(c -> reordered.add(c.passage()));
    for (ScoredPassage sp : ranked) {
      if (!reordered.contains(sp)) {
        reordered.add(sp);
      }
    }
    return new Verdict(
        Optional.empty(), withEvidenceRank(best.signals(), best.index() + 1), reordered, judged);
  }

  /** {@code s} with the rank of the passage answered from, 0 for none. */
  private static Signals withEvidenceRank(Signals s, int rank) {
    return new Signals(
        s.bestDense(),
        s.contentTerms(),
        s.unknownNames(),
        s.namesHeld(),
        s.evidence(),
        s.focusHeld(),
        s.kind(),
        s.kindHeld(),
        rank);
  }

  /** What the rules found in one passage, and how many of the question's names it holds. */
  private record Check(
      Signals signals, long namesFound, double sentenceNames, double sentenceEvidence) {}

  /**
   * The signals of one passage; {@code evidenceRank} is {@code rank} when it holds the evidence.
   */
  private Check check(Query query, ScoredPassage sp, double bestDense, int rank) {
    Question q = query.question();
    Passage p = sp.passage();
    String paragraph = paragraphText(p);
    String lower = (paragraph + " " + p.section()).toLowerCase(Locale.ROOT);
    Set<String> paragraphTerms = new HashSet<>(analyzer.terms(paragraph + " " + p.section()));
    // Most of the names, not all: a question may call a country by its capital ("Washington"
    // for the US) where the text does not.
    long namesFound =
        q.names().stream()
            .filter(n -> held(analyzer.terms(n), paragraphTerms, query) || mentions(lower, n))
            .count();
    boolean namesHeld = namesFound * 2 >= q.names().size();
    long evidenced =
        q.predicate().stream().filter(t -> held(List.of(t), paragraphTerms, query)).count();
    // The same of the sentence alone, which tells the answering sentence from its neighbours.
    Set<String> sentenceTerms = new HashSet<>(analyzer.terms(p.text()));
    String sentenceLower = p.text().toLowerCase(Locale.ROOT);
    long sentenceNames =
        q.names().stream()
            .filter(
                n -> held(analyzer.terms(n), sentenceTerms, query) || mentions(sentenceLower, n))
            .count();
    long sentenceEvidenced =
        q.predicate().stream().filter(t -> held(List.of(t), sentenceTerms, query)).count();
    double evidence = q.predicate().isEmpty() ? 1 : evidenced / (double) q.predicate().size();
    // The attribute asked for must be named as such: a near synonym ("country" for "nationality")
    // or a shared stem ("national") is how a wrong sentence slips through.
    String sentence = p.text().toLowerCase(Locale.ROOT);
    boolean focusHeld = q.focus().map(f -> namesWord(sentence, f)).orElse(true);
    AnswerKind.Wanted wanted = q.wanted();
    boolean kindHeld = AnswerKind.isHeldBy(wanted, p.text());
    // A short question about a named thing hinges on its few words ("Who directs the IAFOR
    // Research Centre?"); a longer one carries its meaning in the embedding too.
    boolean enoughEvidence =
        sp.dense() >= settings.confidentSimilarity()
            || evidence >= settings.minEvidence()
            || ((!isAttributeQuestion(q) || answersKind(q, kindHeld))
                && sp.dense() >= settings.weakSimilarity());
    // A "which X" about a named subject must find X beside it: "At which university does Koga
    // teach?" is not answered by a sentence about Koga that names no university.
    boolean focusOk =
        focusHeld || !isAttributeQuestion(q) || sp.dense() >= settings.confidentSimilarity();
    boolean kindOk = !settings.checkKind() || kindHeld;
    boolean namesOk = namesHeld || sp.dense() >= settings.confidentSimilarity();
    boolean holds = namesOk && enoughEvidence && focusOk && kindOk;
    return new Check(
        new Signals(
            bestDense,
            q.terms(),
            List.of(),
            namesHeld,
            evidence,
            focusHeld,
            wanted.kind(),
            kindHeld,
            holds ? rank : 0),
        namesFound,
        q.names().isEmpty() ? 1 : sentenceNames / (double) q.names().size(),
        q.predicate().isEmpty() ? 1 : sentenceEvidenced / (double) q.predicate().size());
  }

  private static String missing(Question q, Signals s) {
    if (!s.namesHeld()) {
      return "no passage that mentions " + String.join(" and ", q.names()) + " says that";
    }
    if (!s.kindHeld() && q.wanted().kind() != AnswerKind.ANY) {
      return "the closest passages hold no "
          + q.wanted().kind().name().toLowerCase(Locale.ROOT)
          + " to answer with";
    }
    if (!s.focusHeld() && q.focus().isPresent() && isAttributeQuestion(q)) {
      return "the closest passages do not say which " + q.focus().get();
    }
    return "the closest passages do not say what the question asks";
  }

  /**
   * Whether lower-case {@code text} holds {@code word} or an inflection of it ("universities" for
   * "university"), but not another word sharing its stem ("national" for "nationality").
   */
  static boolean namesWord(String text, String word) {
    String[] parts = word.split("\\s+");
    String last = parts[parts.length - 1];
    String stem = last.replaceAll("(ies|y|es|s)$", "");
    String head = String.join(" ", Arrays.copyOf(parts, parts.length - 1));
    Matcher m =
        Pattern.compile(
                "\\b"
                    + (head.isEmpty() ? "" : Pattern.quote(head) + "\\s+")
                    + Pattern.quote(stem)
                    + "\\p{L}{0,3}\\b")
            .matcher(text);
    return m.find();
  }

  /**
   * Whether lower-case {@code text} names {@code name} as written, or a word made from it ("West"
   * in "Western"), or for a compound one of its parts ("Sino-American").
   */
  private static boolean mentions(String text, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (text.contains(n)) {
      return true;
    }
    for (String part : n.split("[-\\s]+")) {
      if (part.length() > 2 && text.contains(part) && n.contains("-")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the passage holds the place, date or number asked for, which is evidence of its own:
   * "Where is the Centre based?" is answered by a sentence placing the Centre in Osaka.
   */
  private static boolean answersKind(Question q, boolean kindHeld) {
    AnswerKind kind = q.wanted().kind();
    return kindHeld
        && q.focus().isEmpty()
        && (kind == AnswerKind.PLACE || kind == AnswerKind.TIME || kind == AnswerKind.QUANTITY);
  }

  /**
   * A question that asks for one attribute of a named subject ("What nationality is Brendan Howe?",
   * "Who was South Korea's president?"): what it asks for must be there by name.
   */
  private static boolean isAttributeQuestion(Question q) {
    return !q.names().isEmpty()
        && (q.predicate().size() <= ATTRIBUTE_PREDICATE
            || (q.wanted().kind() == AnswerKind.PERSON && q.focus().isPresent()));
  }

  /** Whether every term is in {@code terms}, itself or through one of its near synonyms. */
  private static boolean held(List<String> want, Set<String> terms, Query query) {
    if (want.isEmpty()) {
      return true;
    }
    for (String t : want) {
      boolean found =
          terms.contains(t) || query.expansionsOf(t).keySet().stream().anyMatch(terms::contains);
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /**
   * The names the library lacks; one whose words it lacks still counts as known when it uses a
   * close neighbour ("Tokyo" ~ "Osaka"), but an acronym does not: an acronym names one thing.
   */
  private static List<String> unknownNames(Query query) {
    List<String> unknown = new ArrayList<>();
    for (String name : query.question().unknownNames()) {
      boolean acronym = name.equals(name.toUpperCase(Locale.ROOT)) && !name.matches("\\d+");
      String key = name.toLowerCase(Locale.ROOT);
      boolean nearSynonym =
          query.expansions().entrySet().stream()
              .filter(e -> e.getKey().equals(key) || key.contains(e.getKey()))
              .flatMap(e -> e.getValue().values().stream())
              .anyMatch(cos -> cos >= NAME_SYNONYM);
      if (acronym || !nearSynonym) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  private String paragraphText(Passage p) {
    return library
        .document(p.documentId())
        .flatMap(d -> d.paragraph(p.paragraph()))
        .map(Paragraph::text)
        .orElse(p.text());
  }
}
