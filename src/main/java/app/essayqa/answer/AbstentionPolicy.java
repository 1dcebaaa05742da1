package app.essayqa.answer;

import app.essayqa.retrieve.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
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
  private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}'’-]+");

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

  /**
   * @param questionTerms the question's analysed terms, framing words left out
   * @param top the best passages, most relevant first
   * @param analyse turns a word of the question into analysed terms
   * @param known whether an analysed term occurs anywhere in the essays
   */
  public Verdict judge(
      String question,
      List<String> questionTerms,
      List<ScoredPassage> top,
      Function<String, List<String>> analyse,
      Predicate<String> known) {
    List<String> content = questionTerms;
    List<String> unknownTerms = content.stream().filter(known.negate()).toList();
    List<String> unknownNames = unknownNames(question, analyse, known);
    AnswerKind.Wanted wanted = AnswerKind.of(question);
    double bestDense = top.stream().limit(3).mapToDouble(ScoredPassage::dense).max().orElse(-1);
    double coverage = 0;
    boolean kindHeld = false;
    if (!top.isEmpty()) {
      List<String> matched = top.get(0).matchedTerms();
      coverage = content.isEmpty() ? 1 : content.stream().filter(matched::contains).count() / (double) content.size();
      kindHeld =
          top.stream().limit(2).anyMatch(sp -> AnswerKind.isHeldBy(wanted, sp.passage().text()));
    }
    Signals signals =
        new Signals(bestDense, coverage, content, unknownTerms, unknownNames, wanted.kind(), kindHeld);
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
    if (!s.contentTerms().isEmpty()
        && s.unknownTerms().size() * 2 >= s.contentTerms().size()
        && !confident) {
      return Optional.of("most of the question's words occur nowhere in the essays");
    }
    if (s.coverage() < minCoverage && !confident) {
      return Optional.of("the closest passage does not cover what the question asks");
    }
    if (checkKind && !s.kindHeld()) {
      return Optional.of(
          "the closest passages hold no " + s.kind().name().toLowerCase(Locale.ROOT) + " to answer with");
    }
    return Optional.empty();
  }

  /** Capitalised words after the first that the essays never use, e.g. "Vietnam", "Abe". */
  private static List<String> unknownNames(
      String question, Function<String, List<String>> analyse, Predicate<String> known) {
    List<String> names = new ArrayList<>();
    Matcher m = CAPITALISED.matcher(question);
    boolean first = true;
    while (m.find()) {
      String word = m.group();
      boolean atStart = first && m.start() <= 1;
      first = false;
      if (atStart || word.equals("I")) {
        continue;
      }
      List<String> terms = analyse.apply(word);
      if (!terms.isEmpty() && terms.stream().noneMatch(known)) {
        names.add(word);
      }
    }
    return names;
  }
}
