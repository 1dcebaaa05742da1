package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.question.AnswerKind;
import app.essayqa.question.FollowUp;
import app.essayqa.question.Query;
import app.essayqa.question.Turn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retrieve stage: finds the passages to judge and answer from, by the question's scope. A fact
 * is searched for; a question about the author, a picture or the whole text is answered from the
 * parts of the document that hold such answers (bio, credits, opening), ranked among what the
 * search found; "tell me more" reads on after the previous answer. A follow-up prefers the
 * paragraphs the previous answer quoted. Thread-safe.
 */
public final class PassageFinder {
  /** How many ranked passages abstention, composition and {@code :debug} look at. */
  public static final int SHOWN = 10;

  /** How many passages a document-part question is ranked among. */
  private static final int POOL = 30;

  /** How many fused passages a fact question is routed among before {@link #SHOWN} are kept. */
  private static final int ROUTED_POOL = 20;

  /** How many of the best passages may be reordered by the kind of answer they hold. */
  private static final int KIND_WINDOW = 3;

  /** "Tell me more" quotes this many sentences. */
  private static final int READ_ON = 2;

  private final ScoringRetriever retriever;
  private final DocumentParts parts;
  private final List<Passage> passages;
  private final double scopeBoost;
  private final OffTopicFloors floors;

  /**
   * @param scopeBoost how far, as a share of the best fused score, a passage of the part asked for
   *     (the bio for "who wrote it") or of the paragraph a follow-up leans on is moved up
   * @param floors the library's off-topic floors, by which a fact question is routed to the
   *     documents it is about
   */
  public PassageFinder(
      ScoringRetriever retriever,
      DocumentParts parts,
      List<Passage> passages,
      double scopeBoost,
      OffTopicFloors floors) {
    this.retriever = retriever;
    this.parts = parts;
    this.passages = List.copyOf(passages);
    this.scopeBoost = scopeBoost;
    this.floors = floors;
  }

  /** The passages for {@code query}, best first; empty when there is nothing to answer from. */
  public List<ScoredPassage> find(Query query) {
    switch (query.question().scope()) {
      case AUTHOR:
        List<Passage> about = new ArrayList<>(parts.authorship());
        about.addAll(parts.firstPerson());
        // "Who wrote it?" is the bio's; "What job did the author have on the project?" is
        // shared between the bio and what the search finds for "project".
        double share = 1.0 / (1 + query.question().predicate().size());
        return boosted(query, retriever.retrieve(query, POOL), Set.copyOf(about), share);
      case PICTURE:
        return boosted(query, retriever.retrieve(query, POOL), Set.copyOf(parts.credits()), 1);
      case OVERVIEW:
        return inOrder(query, parts.openings());
      case CONTINUE:
        return readOn(query);
      default:
        // Routed from a deeper pool: the document a question is about may have its best
        // sentences just below those of unrelated documents that share a word with it.
        List<ScoredPassage> routed =
            DocumentRouter.route(retriever.retrieve(query, ROUTED_POOL), floors);
        List<ScoredPassage> ranked = routed.subList(0, Math.min(SHOWN, routed.size()));
        if (query.question().followUp() != FollowUp.STANDALONE) {
          ranked =
              preferring(ranked, query.question().leansOn().map(Turn::paragraphs).orElse(Set.of()));
        }
        return holdingTheKindFirst(ranked, query.question().wanted());
    }
  }

  /** {@code pool} with the passages of {@code part} moved up, those the search missed included. */
  private List<ScoredPassage> boosted(
      Query query, List<ScoredPassage> pool, Set<Passage> part, double share) {
    double top = pool.isEmpty() ? 1 : Math.max(pool.get(0).fused(), 1e-9);
    Map<Integer, ScoredPassage> byId = new LinkedHashMap<>();
    pool.forEach(sp -> byId.put(sp.passage().id(), sp));
    part.forEach(p -> byId.computeIfAbsent(p.id(), id -> retriever.score(query, p)));
    List<ScoredPassage> all = new ArrayList<>();
    for (ScoredPassage sp : byId.values()) {
      boolean in = part.contains(sp.passage());
      // Passages the search missed rank among themselves by meaning.
      double own = sp.fused() > 0 ? sp.fused() : sp.dense() * top * 0.01;
      all.add(sp.withFused(in ? own + share * scopeBoost * top : own));
    }
    return sorted(all).subList(0, Math.min(SHOWN, all.size()));
  }

  private List<ScoredPassage> inOrder(Query query, List<Passage> chosen) {
    List<ScoredPassage> out = new ArrayList<>();
    for (int i = 0; i < chosen.size() && out.size() < SHOWN; i++) {
      out.add(retriever.score(query, chosen.get(i)).withFused(1.0 / (i + 1)));
    }
    return out;
  }

  /** The sentences after the last one the previous answer quoted, in the same document. */
  private List<ScoredPassage> readOn(Query query) {
    int last = query.question().leansOn().map(Turn::lastPassage).orElse(-1);
    if (last < 0 || last >= passages.size()) {
      return List.of();
    }
    String document = passages.get(last).documentId();
    List<Passage> next = new ArrayList<>();
    for (int id = last + 1; id < passages.size() && next.size() < READ_ON; id++) {
      if (!passages.get(id).documentId().equals(document)) {
        break;
      }
      next.add(passages.get(id));
    }
    return inOrder(query, next);
  }

  /** Moves passages from the earlier answer's paragraphs up, keeping the rest in order. */
  private List<ScoredPassage> preferring(List<ScoredPassage> ranked, Set<String> paragraphs) {
    if (paragraphs.isEmpty() || ranked.isEmpty()) {
      return ranked;
    }
    double top = ranked.get(0).fused();
    List<ScoredPassage> boosted = new ArrayList<>();
    for (ScoredPassage sp : ranked) {
      boolean preferred =
          paragraphs.contains(sp.passage().documentId() + "#" + sp.passage().paragraph());
      boosted.add(preferred ? sp.withFused(sp.fused() + scopeBoost * top) : sp);
    }
    return sorted(boosted);
  }

  /**
   * Among the best few passages, puts those that hold the kind of answer asked for (a number for
   * "how many", a date for "when") ahead of those that do not, as classic QA systems do. Only
   * numbers and dates are told apart reliably; "who" and "where" cues are too common to reorder by.
   */
  static List<ScoredPassage> holdingTheKindFirst(
      List<ScoredPassage> ranked, AnswerKind.Wanted wanted) {
    if (wanted.kind() != AnswerKind.TIME && wanted.kind() != AnswerKind.QUANTITY) {
      return ranked;
    }
    int window = Math.min(KIND_WINDOW, ranked.size());
    List<ScoredPassage> head = new ArrayList<>(ranked.subList(0, window));
    head.sort(
        Comparator.comparing(
            (ScoredPassage sp) -> !AnswerKind.isHeldBy(wanted, sp.passage().text())));
    List<ScoredPassage> result = new ArrayList<>(head);
    result.addAll(ranked.subList(window, ranked.size()));
    return result;
  }

  private static List<ScoredPassage> sorted(List<ScoredPassage> list) {
    List<ScoredPassage> out = new ArrayList<>(list);
    out.sort(
        Comparator.comparingDouble(ScoredPassage::fused)
            .reversed()
            .thenComparingInt(sp -> sp.passage().id()));
    return out;
  }
}
