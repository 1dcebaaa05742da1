package app.essayqa.answer;

import app.essayqa.retrieve.Query;
import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides that the essays do not answer a question. Similarity alone cannot: a question about a
 * fact the essay does not give on a topic it does cover ("When was the National Library of Korea
 * founded?") scores as high as a hard answerable one. So beside the best cosine it weighs whether
 * the best passage covers the question's terms, whether the question names things the essays never
 * mention, and whether the passage holds the kind of answer asked for. Thresholds come from config.
 */
public final class AbstentionPolicy {
  private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}s?");
  private static final Pattern NAME_RUN =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]*(\\s+\\p{Lu}[\\p{L}'’-]*)*");

  /** How close a neighbour must be for an unknown name to count as known ("Tokyo" ~ "Osaka"). */
  private static final double NAME_SYNONYM = 0.6;

  private final double minSimilarity;
  private final double confidentSimilarity;
  private final double minCoverage;
  private final boolean checkKind;

  public AbstentionPolicy(
      double minSimilarity, double confidentSimilarity, double minCoverage, boolean checkKind) {
    this.minSimilarity = minSimilarity;
    this.confidentSimilarity = confidentSimilarity;
    this.minCoverage = minCoverage;
    this.checkKind = checkKind;
  }

  /** The verdict: a reason to abstain, or empty to answer; and the signals behind it. */
  public record Verdict(Optional<String> abstainReason, Signals signals) {}

  /** What abstention asks of the index about words. */
  public interface Lexicon {
    /** The analysed terms of a word or phrase of the question. */
    List<String> analyse(String text);

    /** Whether an analysed term occurs anywhere in the essays. */
    boolean known(String term);
  }

  /**
   * @param top the best passages, most relevant first
   */
  public Verdict judge(Query query, List<ScoredPassage> top, Lexicon lexicon) {
    String question = query.text();
    List<String> content = query.terms();
    List<String> unknownTerms =
        content.stream().filter(t -> !lexicon.known(t) && query.expansionsOf(t).isEmpty()).toList();
    List<String> unknownNames = unknownNames(query, lexicon);
    AnswerKind.Wanted wanted = AnswerKind.of(question);
    double bestDense = top.stream().limit(3).mapToDouble(ScoredPassage::dense).max().orElse(-1);
    double coverage = 0;
    boolean kindHeld = false;
    List<String> nameTerms = new ArrayList<>();
    nameRuns(question).forEach(name -> nameTerms.addAll(lexicon.analyse(name)));
    List<String> otherTerms = content.stream().filter(t -> !nameTerms.contains(t)).toList();
    boolean actionHeld = otherTerms.isEmpty();
    if (!top.isEmpty()) {
      List<String> matched = top.get(0).coveredTerms();
      coverage =
          content.isEmpty()
              ? 1
              : content.stream().filter(matched::contains).count() / (double) content.size();
      kindHeld = AnswerKind.isHeldBy(wanted, top.get(0).passage().text());
      actionHeld = otherTerms.isEmpty() || otherTerms.stream().anyMatch(matched::contains);
    }
    Signals signals =
        new Signals(
            bestDense,
            coverage,
            content,
            unknownTerms,
            unknownNames,
            wanted.kind(),
            kindHeld,
            actionHeld);
    return new Verdict(reason(signals), signals);
  }

  private Optional<String> reason(Signals s) {
    if (s.bestDense() < minSimilarity) {
      return Optional.of("nothing in the essays is close to the question");
    }
    boolean confident = s.bestDense() >= confidentSimilarity;
    if (!s.unknownNames().isEmpty() && !confident) {
      return Optional.of("the essays never mention " + String.join(", ", s.unknownNames()));
    }
    if (s.contentTerms().size() >= 2
        && s.unknownTerms().size() * 2 >= s.contentTerms().size()
        && !confident) {
      return Optional.of("most of the question's words occur nowhere in the essays");
    }
    if (s.coverage() < minCoverage && !confident) {
      return Optional.of("the closest passage does not cover what the question asks");
    }
    if (checkKind && !s.kindHeld()) {
      return Optional.of(
          "the closest passages hold no "
              + s.kind().name().toLowerCase(Locale.ROOT)
              + " to answer with");
    }
    boolean wantsFact = s.kind() == AnswerKind.TIME || s.kind() == AnswerKind.QUANTITY;
    if (checkKind && wantsFact && !s.actionHeld()) {
      // "When was the National Library of Korea founded?" beside a sentence that names the
      // Library and a date, but of another event: the date answers something else.
      return Optional.of("the closest passage names the same things but not what happened to them");
    }
    return Optional.empty();
  }

  /**
   * Names in the question (runs of capitalised words after the first word) that the essays never
   * use: "Vietnam", "San Francisco Peace Treaty". A name whose words the essays lack still counts
   * as known when the essays use a close neighbour ("Washington" ~ "states", "United States" ~
   * "states"); an acronym does not, since an acronym names one thing exactly ("GDP" is not
   * "economy").
   */
  private static List<String> unknownNames(Query query, Lexicon lexicon) {
    List<String> names = new ArrayList<>();
    for (String name : nameRuns(query.text())) {
      List<String> terms = lexicon.analyse(name);
      if (terms.isEmpty() || terms.stream().allMatch(lexicon::known)) {
        continue;
      }
      boolean unknownAcronym =
          Arrays.stream(name.split("\\s+"))
              .filter(w -> ACRONYM.matcher(w).matches())
              .anyMatch(w -> lexicon.analyse(w).stream().noneMatch(lexicon::known));
      String key = terms.size() == 1 ? terms.get(0) : name.toLowerCase(Locale.ROOT);
      boolean nearSynonym =
          query.expansionsOf(key).values().stream().anyMatch(cos -> cos >= NAME_SYNONYM);
      if (unknownAcronym || !nearSynonym) {
        names.add(name);
      }
    }
    return names;
  }

  /** Runs of capitalised words after the first word of {@code text}, e.g. "San Francisco". */
  public static List<String> nameRuns(String text) {
    List<String> runs = new ArrayList<>();
    Matcher m = NAME_RUN.matcher(text);
    while (m.find()) {
      // Single letters are initials or parts of dotted acronyms ("U.S."), not names.
      if (m.start() > 0 && m.group().codePointCount(0, m.group().length()) > 1) {
        runs.add(m.group());
      }
    }
    return runs;
  }
}
