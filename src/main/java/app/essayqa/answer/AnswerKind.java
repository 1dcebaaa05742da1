package app.essayqa.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its question words, and whether a sentence
 * holds one. A question that asks "how many people" is not answered by a sentence with no number
 * near "people", however similar it reads. Pure.
 */
public enum AnswerKind {
  PERSON,
  TIME,
  QUANTITY,
  PLACE,
  ANY;

  private static final Pattern HOW_MANY =
      Pattern.compile("\\bhow (many|much)\\s+(?:of\\s+)?(?:the\\s+)?([a-z-]+)?");
  private static final Pattern HOW_OLD = Pattern.compile("\\bhow (old|long)\\b");
  private static final Pattern TIME_Q =
      Pattern.compile(
          "\\b(when|since when|how long ago|(what|which|in what|in which|on what|on which)"
              + "( exact| precise| specific)? (?<unit>year|date|month|day|time))\\b");
  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december";

  /** A day of a month or of the week: what "which day" and "what date" ask for. */
  private static final Pattern DAY =
      Pattern.compile(
          "\\b(\\d{1,2}(st|nd|rd|th)? (of )?("
              + MONTHS
              + ")|("
              + MONTHS
              + ") \\d{1,2}(st|nd|rd|th)?\\b"
              + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\d{4}-\\d{2}-\\d{2})");

  private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b");
  private static final Pattern MONTH = Pattern.compile("\\b(" + MONTHS + ")\\b");
  private static final Pattern PERSON_Q =
      Pattern.compile(
          "^(who|whom|whose)\\b|\\b(who|whom|whose) (is|was|are|were|did|does|said|wrote|floated|proposed)\\b|\\bwhich (person|scholar|participant|author)\\b");
  private static final Pattern PLACE_Q =
      Pattern.compile(
          "^where\\b|\\bwhere (is|was|are|were|did|does|do)\\b|\\bin (which|what) (city|country|place|venue|town)\\b");
  private static final Pattern NUMBER =
      Pattern.compile(
          "\\b(\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              + "twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|"
              + "first|second|third|half|several)\\b");
  private static final Pattern YEAR_OR_DATE =
      Pattern.compile(
          "\\b(1[5-9]\\d\\d|20\\d\\d|january|february|march|april|may|june|july|august|september|"
              + "october|november|december|century|decade|postwar|post-war|\\d+-year)\\b");
  private static final Pattern PERSON_NAME =
      Pattern.compile(
          "\\b(Dr|Prof|Mr|Ms|Mrs)\\.? \\p{Lu}|(?<!^)\\b\\p{Lu}\\p{Ll}+ (\\p{Lu}\\p{Ll}+ )?\\p{Lu}\\p{Ll}+\\b");

  /** Words that name people or bodies that act, which a "who" question may be answered with. */
  private static final Pattern PEOPLE_WORDS =
      Pattern.compile(
          "\\b(participants?|scholars?|leaders?|discussants?|assistant|fellow|author|people|"
              + "actors?|governments?|administration|allies|countries|states|nations|"
              + "organi[sz]ations?|institutions?|universit(y|ies)|librar(y|ies)|foundation|societies)\\b");

  /**
   * The kind {@code question} asks for; for "how many X" the head noun X, for a time the unit asked
   * for ("year", "day"...).
   */
  public record Wanted(AnswerKind kind, Optional<String> headNoun) {}

  public static Wanted of(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    Matcher many = HOW_MANY.matcher(q);
    if (many.find()) {
      // "How much did Japan invest?" counts nothing named: any number will do.
      String noun = many.group(2);
      boolean verb =
          noun != null
              && noun.matches("did|does|do|is|was|are|were|has|have|had|will|would|can|could");
      return new Wanted(QUANTITY, verb ? Optional.empty() : Optional.ofNullable(noun));
    }
    if (HOW_OLD.matcher(q).find()) {
      return new Wanted(QUANTITY, Optional.of("year"));
    }
    Matcher time = TIME_Q.matcher(q);
    if (time.find()) {
      return new Wanted(TIME, Optional.ofNullable(time.group("unit")));
    }
    if (PERSON_Q.matcher(q).find()) {
      return new Wanted(PERSON, Optional.empty());
    }
    if (PLACE_Q.matcher(q).find()) {
      return new Wanted(PLACE, Optional.empty());
    }
    return new Wanted(ANY, Optional.empty());
  }

  /** Whether {@code sentence} holds an answer of the wanted kind. */
  public static boolean isHeldBy(Wanted wanted, String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    switch (wanted.kind()) {
      case QUANTITY:
        return wanted
            .headNoun()
            .map(noun -> numberBefore(lower, noun))
            .orElse(NUMBER.matcher(lower).find());
      case TIME:
        String unit = wanted.headNoun().orElse("");
        if (unit.equals("day") || unit.equals("date")) {
          return DAY.matcher(lower).find();
        }
        if (unit.equals("year")) {
          return YEAR.matcher(lower).find();
        }
        if (unit.equals("month")) {
          return MONTH.matcher(lower).find();
        }
        return YEAR_OR_DATE.matcher(lower).find();
      case PERSON:
        return PERSON_NAME.matcher(sentence).find() || PEOPLE_WORDS.matcher(sentence).find();
      case PLACE:
        return Pattern.compile("(?<!^)\\b\\p{Lu}\\p{Ll}+").matcher(sentence).find();
      default:
        return true;
    }
  }

  /** A number within four words before a word sharing the head noun's first five letters. */
  private static boolean numberBefore(String lower, String noun) {
    String stem = noun.length() > 5 ? noun.substring(0, 5) : noun.replaceAll("s$", "");
    String[] words = lower.replaceAll("[^\\p{L}\\p{N}-]+", " ").strip().split(" ");
    for (int i = 0; i < words.length; i++) {
      if (words[i].startsWith(stem) || words[i].contains("-" + stem)) {
        if (words[i].matches("\\d+-.*")) {
          return true;
        }
        for (int j = Math.max(0, i - 4); j < i; j++) {
          if (NUMBER.matcher(words[j]).matches()) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
