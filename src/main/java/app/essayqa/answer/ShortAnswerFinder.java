package app.essayqa.answer;

import app.essayqa.index.AcronymTable;
import app.essayqa.question.AnswerKind;
import app.essayqa.question.Question;
import app.essayqa.question.WordList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The short direct answer to a question that asks for a typed fact: the date, number, name or
 * place, or the expansion of an acronym, read from the first cited sentence. The span is always a
 * substring of that sentence's quote, cut by offsets, never rewritten; when nothing of the wanted
 * kind is there, there is no short answer rather than a guess. Pure and thread-safe.
 */
public final class ShortAnswerFinder {
  /** Longer spans are clauses, not answers; a chat reader wants the fact at a glance. */
  static final int MAX_CHARS = 60;

  private static final String MONTHS = WordList.MONTHS.alternation();
  private static final Pattern DATE =
      Pattern.compile(
          "(?i)\\b(?:(?:\\d{1,2}(?:st|nd|rd|th)? (?:of )?)?(?:"
              + MONTHS
              + ")\\.?(?: \\d{1,2}(?:st|nd|rd|th)?,?)?(?: (?:1\\d{3}|20\\d{2}))?"
              + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
              + "|(?:the )?(?:early |mid-|late )?(?:1\\d{3}|20\\d{2})s?"
              + "|\\d{1,2}(?:st|nd|rd|th) century)\\b");
  private static final Pattern DURATION =
      Pattern.compile(
          "(?i)\\b(?:\\d+(?:[.,]\\d+)?|"
              + WordList.NUMBER_WORDS.alternation()
              + ")[ -](?:"
              + WordList.TIME_UNITS.alternation()
              + ")s?(?: (?:old|ago|long))?\\b");

  /** A number, then up to three words that say what it counts ("65 million people"). */
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?i)(?:\\$|€|£)?\\b(?:\\d+(?:[.,]\\d+)*%?|(?:"
              + WordList.NUMBER_WORDS.alternation()
              + "))\\b(?:(?: percent| per cent)|(?: (?:million|billion|thousand|hundred|trillion)))?");

  /**
   * A run of capitalised words, allowing one lower-case joiner between them ("Bank of Japan") and
   * initials ("John F. Kennedy").
   */
  private static final Pattern CAPITALISED_RUN =
      Pattern.compile(
          "\\b\\p{Lu}[\\p{L}'’.-]*(?:(?: (?:of|de|van|von|der|al|the|and|for))?"
              + " (?:\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.))*");

  private static final Pattern TITLED =
      Pattern.compile("(?i)\\b(?:" + WordList.TITLES.alternation() + ")\\.? (?-i)\\p{Lu}");

  /**
   * Case matters here: the acronym is the upper-case word, so only the question words ignore it.
   */
  private static final Pattern STAND_FOR =
      Pattern.compile(
          "^(?i:what|what's|whats)\\b.*?\\b(\\p{Lu}{2,}s?)\\b.*?\\b(?i:stand|stands|short|mean|means)"
              + "\\b|^(?i:what) (?i:is|are|was|were) (?:an? |the )?(\\p{Lu}{2,}s?)\\W*$");

  private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"')]+[^\\s<>\"').,;:]");

  /** What a "which X" question may be answered by after X itself: "Version 2.0", "Section 4". */
  private static final Pattern LABEL = Pattern.compile("^ (\\d+(?:\\.\\d+)*[a-z]?|[IVXLC]+)\\b");

  /**
   * The lower-case words right after a span: the first continues its noun phrase ("Source form"),
   * unless a function word or a word of time.
   */
  private static final Pattern NEXT_WORDS = Pattern.compile("^ (\\p{Ll}+)\\b(?: (\\p{Ll}+)\\b)?");

  private static final Set<String> FUNCTION_WORDS = functionWords();

  private static final Pattern PLACE_PREPOSITION =
      Pattern.compile("(?i)\\b(?:in|at|from|to|near|across|throughout|within) $");

  private ShortAnswerFinder() {}

  /**
   * Lucene's English stop words (articles, prepositions, conjunctions, auxiliaries): general
   * English.
   */
  private static Set<String> functionWords() {
    Set<String> words = new HashSet<>();
    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
    return Set.copyOf(words);
  }

  /**
   * The short answer to {@code question} from the first of {@code citations}; empty when the
   * question asks for no typed fact, or that sentence holds none of the kind asked for.
   */
  public static Optional<ShortAnswer> find(Question question, List<Citation> citations) {
    if (citations.isEmpty()) {
      return Optional.empty();
    }
    AnswerKind kind = question.wanted().kind();
    boolean name =
        (kind == AnswerKind.PERSON || kind == AnswerKind.PLACE)
            && acronymAsked(question.text()).isEmpty();
    Citation first = citations.get(0);
    String quote = first.quote();
    Optional<String> span =
        span(question.text(), question.wanted(), quote)
            .filter(quote::contains)
            // Names are told mostly by capitalisation, which picks a heading or a clause's first
            // words as readily as a name: a wrong answer in bold on the first line misleads more
            // than none. So a person is a name after a title ("Dr Ann Lee") or one of two or more
            // capitalised words inside the sentence ("Maria Lopez"), a place one after a
            // preposition of place ("in the Netherlands"); dates, numbers and acronym expansions
            // have a form of their own.
            .filter(
                s ->
                    !name || (kind == AnswerKind.PERSON ? personLike(s, quote) : placed(s, quote)));
    if (span.isEmpty() && kind == AnswerKind.ANY && question.focus().isPresent()) {
      // "Which university ...?" is answered by a name that says what it is: "Leiden University";
      // "Which version ...?" by the number after the word: "Version 2.0".
      String focus = question.focus().get();
      span = namedInstance(question.text(), focus, quote).or(() -> labelled(focus, quote));
    }
    return span.map(s -> new ShortAnswer(s, first.n()));
  }

  /**
   * Whether {@code span} reads as a person's name: after a title, or two capitalised words that do
   * not open the sentence (where a heading's words are capitalised too).
   */
  private static boolean personLike(String span, String sentence) {
    // A capital after a hyphen makes a compound of places ("Austria-Hungary", "Franco-German
    // Rhine"), seldom a name.
    return titled(span)
        || sentence.indexOf(span) > 0
            && span.matches("\\p{Lu}[\\p{L}'’.-]+(?: \\p{Lu}[\\p{L}'’.-]*)+")
            && !span.matches(".*-\\p{Lu}.*");
  }

  /**
   * Whether {@code span} comes after a preposition of place in {@code sentence} and ends its noun
   * phrase: in "in Source form" the capitalised word is a modifier (legal prose capitalises its
   * defined terms), in "in Seoul in December" a place. A URL is a place of its own.
   */
  private static boolean placed(String span, String sentence) {
    if (URL.matcher(span).matches()) {
      return true;
    }
    int at = sentence.indexOf(span);
    if (at <= 0
        || !PLACE_PREPOSITION
            .matcher(sentence.substring(0, at).replaceAll("(?i)\\bthe $", ""))
            .find()) {
      return false;
    }
    Matcher next = NEXT_WORDS.matcher(sentence.substring(at + span.length()));
    // "in Jakarta last year": words of time follow a place without being part of its name.
    return !next.find()
        || FUNCTION_WORDS.contains(next.group(1))
        || WordList.TIME_UNITS.contains(next.group(1))
        || (next.group(2) != null && WordList.TIME_UNITS.contains(next.group(2)));
  }

  /** The number or numeral right after the noun asked for: "2.0" in "Version 2.0". */
  static Optional<String> labelled(String focus, String sentence) {
    String[] words = focus.strip().split("\\s+");
    String head = words[words.length - 1];
    Matcher at = Pattern.compile("(?i)\\b" + Pattern.quote(head) + "\\b").matcher(sentence);
    while (at.find()) {
      Matcher label = LABEL.matcher(sentence.substring(at.end()));
      if (label.find()) {
        return fit(label.group(1));
      }
    }
    return Optional.empty();
  }

  /**
   * A capitalised name in {@code sentence} whose last word is the noun asked for, or its plural
   * ("Max Planck Institute" for "which institute", "Rhine" not for "which river"), and that the
   * question does not name.
   */
  static Optional<String> namedInstance(String question, String focus, String sentence) {
    String[] words = focus.strip().split("\\s+");
    String head = words[words.length - 1].toLowerCase(Locale.ROOT);
    if (head.length() < 3) {
      return Optional.empty();
    }
    String q = question.toLowerCase(Locale.ROOT);
    Matcher m = CAPITALISED_RUN.matcher(sentence);
    while (m.find()) {
      // "During the Association ... Conference": a sentence's first word is capitalised as such.
      String run = trimRun(m.group().replaceAll("^.* the ", ""));
      String[] parts = run.split(" ");
      String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      boolean names = AbstentionPolicy.namesWord(last, head);
      if (parts.length >= 2 && names && !q.contains(run.toLowerCase(Locale.ROOT))) {
        return fit(run);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code span} is a title and then a name: "Dr Kei Koga", "Prof. Lee". */
  private static boolean titled(String span) {
    String[] words = span.split(" ");
    return words.length >= 2
        && WordList.TITLES.contains(words[0].replaceAll("\\.$", ""))
        && Character.isUpperCase(words[1].codePointAt(0));
  }

  /**
   * Whether {@code question} asks for a typed fact that {@code sentence} holds none of (none that
   * the question does not itself give): a sign that the sentence, however close, does not answer.
   * Looser than {@link #find}: any capitalised word counts as a candidate name here, since a
   * missing name is the signal, while a name is shown first only when its form vouches for it.
   */
  public static boolean lacksTheTypedFact(Question question, String sentence) {
    return asksForTypedFact(question.text(), question.wanted())
        && span(question.text(), question.wanted(), sentence).isEmpty();
  }

  /** Whether {@code question} asks for a fact this class looks for. */
  public static boolean asksForTypedFact(String question, AnswerKind.Wanted wanted) {
    return wanted.kind() != AnswerKind.ANY || acronymAsked(question).isPresent();
  }

  /** The span of {@code sentence} that answers {@code question}, if one of its kind is there. */
  static Optional<String> span(String question, AnswerKind.Wanted wanted, String sentence) {
    Optional<String> acronym = acronymAsked(question);
    if (acronym.isPresent()) {
      return expansion(acronym.get(), sentence);
    }
    switch (wanted.kind()) {
      case TIME:
        return date(question, sentence).or(() -> first(DURATION, sentence));
      case QUANTITY:
        return quantity(question, wanted, sentence);
      case PERSON:
        return name(question, sentence, false);
      case PLACE:
        // "Where can I get it?" is answered by an address as often as by a town.
        return first(URL, sentence).or(() -> name(question, sentence, true));
      default:
        return Optional.empty();
    }
  }

  /** The acronym {@code question} asks to expand ("What does NTS stand for?"), if it asks that. */
  public static Optional<String> acronymAsked(String question) {
    Matcher m = STAND_FOR.matcher(question.strip());
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.ofNullable(m.group(1) != null ? m.group(1) : m.group(2));
  }

  /**
   * "non-traditional security (NTS)" or "NTS (non-traditional security)": read as the library's
   * {@link AcronymTable} reads it.
   */
  static Optional<String> expansion(String acronym, String sentence) {
    return AcronymTable.expansion(acronym, sentence).flatMap(ShortAnswerFinder::fit);
  }

  private static Optional<String> quantity(
      String question, AnswerKind.Wanted wanted, String sentence) {
    if (question.toLowerCase(Locale.ROOT).matches("(?s).*\\bhow (old|long)\\b.*")) {
      Optional<String> duration = first(DURATION, sentence);
      if (duration.isPresent()) {
        return duration;
      }
    }
    Matcher m = NUMBER.matcher(sentence);
    String fallback = null;
    while (m.find()) {
      String tail = sentence.substring(m.end());
      Matcher words = Pattern.compile("^(?:[ -][\\p{L}-]+){1,3}").matcher(tail);
      String counted = words.find() ? words.group() : "";
      String span = (sentence.substring(m.start(), m.end()) + counted).strip();
      if (wanted.headNoun().isPresent()) {
        String stem = stem(wanted.headNoun().get());
        int at = span.toLowerCase(Locale.ROOT).indexOf(stem);
        if (at > 0) {
          int end = span.indexOf(' ', at);
          return fit(end < 0 ? span : span.substring(0, end));
        }
      }
      if (fallback == null && !isYearLike(sentence.substring(m.start(), m.end()))) {
        fallback = sentence.substring(m.start(), m.end()).strip();
      }
    }
    return Optional.ofNullable(fallback).flatMap(ShortAnswerFinder::fit);
  }

  private static boolean isYearLike(String number) {
    return number.matches("1\\d{3}|20\\d{2}");
  }

  private static String stem(String noun) {
    String lower = noun.toLowerCase(Locale.ROOT);
    return lower.length() > 5 ? lower.substring(0, 5) : lower.replaceAll("s$", "");
  }

  /**
   * The first capitalised run that the question does not already name; for a place, one after a
   * preposition of place is preferred.
   */
  private static Optional<String> name(String question, String sentence, boolean place) {
    String q = question.toLowerCase(Locale.ROOT);
    Matcher m = CAPITALISED_RUN.matcher(sentence);
    String best = null;
    while (m.find()) {
      String run = trimRun(m.group());
      if (run.isEmpty() || q.contains(run.toLowerCase(Locale.ROOT))) {
        continue;
      }
      boolean sentenceStart = m.start() == 0 && !run.contains(" ");
      if (sentenceStart || WordList.QUESTION_WORDS.contains(run.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (!place && !run.contains(" ") && !titledAt(sentence, m.start())) {
        // One capitalised word names an organisation or a country as often as a person.
        best = best == null ? run : best;
        continue;
      }
      if (place && !PLACE_PREPOSITION.matcher(sentence.substring(0, m.start())).find()) {
        best = best == null ? run : best;
        continue;
      }
      return fit(run);
    }
    return Optional.ofNullable(best).flatMap(ShortAnswerFinder::fit);
  }

  private static boolean titledAt(String sentence, int start) {
    Matcher t = TITLED.matcher(sentence);
    while (t.find()) {
      if (t.end() - 1 == start) {
        return true;
      }
    }
    return false;
  }

  private static String trimRun(String run) {
    return run.replaceAll("['’]s$", "")
        .replaceAll("[.'’-]+$", "")
        .replaceAll("^(?:The|A|An) ", "")
        .strip();
  }

  /**
   * A date the question does not give ("In which month of 1998 ...?" is not answered by "1998"); a
   * month name only when capitalised, so the verb "may" is not one.
   */
  private static Optional<String> date(String question, String sentence) {
    String q = question.toLowerCase(Locale.ROOT);
    Matcher m = DATE.matcher(sentence);
    while (m.find()) {
      String span = m.group().strip();
      if (Pattern.compile("\\b" + Pattern.quote(span.toLowerCase(Locale.ROOT)) + "\\b")
          .matcher(q)
          .find()) {
        continue;
      }
      if (span.matches("(?s).*\\d.*") || Character.isUpperCase(span.charAt(0))) {
        return fit(span);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(Pattern pattern, String sentence) {
    Matcher m = pattern.matcher(sentence);
    return m.find() ? fit(m.group().strip()) : Optional.empty();
  }

  private static Optional<String> fit(String span) {
    return span.isBlank() || span.length() > MAX_CHARS ? Optional.empty() : Optional.of(span);
  }
}
