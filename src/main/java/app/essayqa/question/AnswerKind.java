package app.essayqa.question;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its question words, and whether a sentence
 * holds one. A question that asks "how many people" is not answered by a sentence with no number
 * near "people", however similar it reads. Every word it knows comes from a {@link WordList}. Pure.
 */
public enum AnswerKind {
  PERSON,
  TIME,
  QUANTITY,
  PLACE,
  ANY;

  private static final String MONTHS = WordList.MONTHS.alternation();
  private static final String UNITS = WordList.TIME_UNITS.alternation();
  private static final Pattern HOW_MANY =
      Pattern.compile("\\bhow (many|much)\\s+(?:of\\s+)?(?:the\\s+)?([\\p{L}-]+)?");
  private static final Pattern HOW_OLD = Pattern.compile("\\bhow (old|long)\\b");
  private static final Pattern TIME_Q =
      Pattern.compile(
          "^(since |and |so )?when\\W*$|\\b(since|until|by) when\\b|(^|[.?!,;] ?|\\band |\\bso )when"
              + "( and where| or where)? (is|was|are|were|did|does|do|will|would|could|can|had|has|"
              + "have)\\b|\\b(what|which|in what|in which|on what|on which|at what)"
              + "(?: exact| precise| specific)? (?<unit>"
              + UNITS
              + ")\\b");
  private static final Pattern DAY =
      Pattern.compile(
          "\\b(\\d{1,2}(st|nd|rd|th)? (of )?("
              + MONTHS
              + ")\\b|("
              + MONTHS
              + ") \\d{1,2}(st|nd|rd|th)?\\b|("
              + WordList.WEEKDAYS.alternation()
              + ")\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})");
  private static final Pattern YEAR = Pattern.compile("\\b(1\\d\\d\\d|20\\d\\d)s?\\b");
  private static final Pattern MONTH = Pattern.compile("\\b(" + MONTHS + ")\\b");

  /**
   * "Who…" asks for a person; "developers who use it" does not: "who" after a noun starts a
   * relative clause, so only a leading one, or one after a preposition ("to whom"), counts.
   */
  private static final Pattern WHO =
      Pattern.compile(
          "^(and |so |but )?(who|whom|whose)\\b|[,;] ?(who|whom|whose) (is|was|are|were|did|does|do|"
              + "will|would|can|could|had|has|have)\\b|\\b(to|by|with|for|from) (whom|whose)\\b");

  private static final Pattern WHICH_PERSON =
      Pattern.compile("\\b(which|what) (" + WordList.PERSON_NOUNS.alternation() + ")\\b");
  private static final Pattern PLACE_Q =
      Pattern.compile(
          "^where\\b|\\bwhere (is|was|are|were|did|does|do|will|had|has|have)\\b|(^|\\b(in|at|to|from)"
              + " )(which|what) ("
              + WordList.PLACE_NOUNS.alternation()
              + ")\\b");
  private static final Pattern NUMBER =
      Pattern.compile("\\b(\\d+(?:[.,]\\d+)*%?|(" + WordList.NUMBER_WORDS.alternation() + "))\\b");
  private static final Pattern TIME_WORDS =
      Pattern.compile(
          "\\b(1\\d\\d\\d|20\\d\\d|\\d+(st|nd|rd|th) century|"
              + MONTHS
              + "|"
              + WordList.WEEKDAYS.alternation()
              + "|"
              + UNITS
              + "|ago|since|until|today|yesterday|tomorrow|recently|\\d+-(year|month|day)s?)\\b");
  private static final Pattern PERSON_NAME_CASED =
      Pattern.compile(
          "(?<!^)\\b\\p{Lu}\\p{Ll}+ (\\p{Lu}\\.? )?(\\p{Lu}\\p{Ll}+ )?\\p{Lu}\\p{Ll}+\\b");
  private static final Pattern TITLED_NAME =
      Pattern.compile("(?i)\\b(" + WordList.TITLES.alternation() + ")\\.? (?-i)\\p{Lu}");
  private static final Pattern PEOPLE_WORDS =
      Pattern.compile("(?i)\\b(" + WordList.PERSON_NOUNS.alternation() + ")\\b");
  private static final Pattern CAPITALISED = Pattern.compile("(?<!^)\\b\\p{Lu}\\p{Ll}+");

  /**
   * The kind {@code question} asks for; for "how many X" the head noun X, for a time the unit asked
   * for ("year", "day"...), for "which X" of people the noun X (the answer must then name one).
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
              && WordList.QUESTION_WORDS.contains(noun)
              && !WordList.TIME_UNITS.contains(noun);
      return new Wanted(QUANTITY, verb ? Optional.empty() : Optional.ofNullable(noun));
    }
    if (HOW_OLD.matcher(q).find()) {
      return new Wanted(QUANTITY, Optional.empty());
    }
    Matcher time = TIME_Q.matcher(q);
    if (time.find()) {
      return new Wanted(TIME, Optional.ofNullable(time.group("unit")));
    }
    Matcher which = WHICH_PERSON.matcher(q);
    if (which.find()) {
      // "Which participant…" asks for one of them by name, not for "participants".
      return new Wanted(PERSON, Optional.of(which.group(2)));
    }
    if (WHO.matcher(q).find()) {
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
        return TIME_WORDS.matcher(lower).find();
      case PERSON:
        boolean named =
            PERSON_NAME_CASED.matcher(sentence).find() || TITLED_NAME.matcher(sentence).find();
        return named || (wanted.headNoun().isEmpty() && PEOPLE_WORDS.matcher(sentence).find());
      case PLACE:
        return CAPITALISED.matcher(sentence).find();
      default:
        return true;
    }
  }

  /** A number within four words before a word sharing the head noun's first five letters. */
  private static boolean numberBefore(String lower, String noun) {
    String stem = noun.length() > 5 ? noun.substring(0, 5) : noun.replaceAll("s$", "");
    String[] words = lower.replaceAll("[^\\p{L}\\p{N}%-]+", " ").strip().split(" ");
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
