package app.essayqa.generate;

import app.essayqa.answer.TextMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one sentence of a model's answer against the passages it was given: it must cite at least
 * one of them as {@code [n]}, cite no other number, and every span it puts in double quotes must
 * stand verbatim (up to case, quote style and whitespace, as eval compares) in a passage the
 * sentence cites. Pure and thread-safe.
 */
final class CitationCheck {
  private static final Pattern CITATION =
      Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");
  private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"|\u201C([^\u201D]+)\u201D");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.\\.\\.|\u2026");

  /** Characters a writer puts inside the closing quote that the passage has after it, or not. */
  private static final String EDGE_PUNCTUATION = ",.;:!? ";

  private final List<String> passages;

  /**
   * @param passages the texts given to the model, passage {@code n} at index {@code n - 1}
   */
  CitationCheck(List<String> passages) {
    this.passages = List.copyOf(passages);
  }

  /**
   * The ways a sentence fails the check, each with the words a user reads in the fallback note.
   * Those words never quote the model: the sentence that failed is unverified text, and what it
   * said stays in {@code :debug} and {@code --json}.
   */
  enum Failure {
    UNGIVEN_PASSAGE("it cited passages it was not given"),
    NO_PASSAGE("it cited no passage"),
    QUOTE_NOT_IN_PASSAGE("it quoted words that are not in the passages it cited");

    private final String userWords;

    Failure(String userWords) {
      this.userWords = userWords;
    }

    /** What went wrong, for a user, with no text of the model's in it. */
    String userWords() {
      return userWords;
    }
  }

  /**
   * Why a sentence may not be shown.
   *
   * @param failure the kind of failure, what a user is told
   * @param detail the failure with the model's words it concerns, for the retry prompt and {@code
   *     :debug}
   */
  record Problem(Failure failure, String detail) {}

  /**
   * The outcome for one sentence.
   *
   * @param text the sentence as shown: markers written {@code [n]} one number each
   * @param citations the markers in it
   * @param quotes the quoted spans checked
   * @param problem why it may not be shown; empty when it passed
   */
  record Result(String text, int citations, int quotes, Optional<Problem> problem) {
    boolean passed() {
      return problem.isEmpty();
    }
  }

  Result check(String sentence) {
    Set<Integer> cited = new LinkedHashSet<>();
    int markers = 0;
    StringBuilder shown = new StringBuilder();
    Matcher m = CITATION.matcher(sentence);
    int at = 0;
    List<Integer> invalid = new ArrayList<>();
    while (m.find()) {
      shown.append(sentence, at, m.start());
      for (String number : m.group(1).split("\\s*[,;]\\s*")) {
        int n = Integer.parseInt(number.strip());
        markers++;
        shown.append('[').append(n).append(']');
        if (n < 1 || n > passages.size()) {
          invalid.add(n);
        } else {
          cited.add(n);
        }
      }
      at = m.end();
    }
    shown.append(sentence.substring(at));
    String text = shown.toString().strip();
    List<String> quotes = quotes(sentence);
    if (!invalid.isEmpty()) {
      return new Result(
          text,
          markers,
          quotes.size(),
          Optional.of(
              new Problem(
                  Failure.UNGIVEN_PASSAGE,
                  "cites ["
                      + invalid.get(0)
                      + "], which was not given (passages 1 to "
                      + passages.size()
                      + ")")));
    }
    if (cited.isEmpty()) {
      return new Result(
          text, 0, quotes.size(), Optional.of(new Problem(Failure.NO_PASSAGE, "cites no passage")));
    }
    for (String quote : quotes) {
      if (!inAnyCited(quote, cited)) {
        return new Result(
            text,
            markers,
            quotes.size(),
            Optional.of(
                new Problem(
                    Failure.QUOTE_NOT_IN_PASSAGE,
                    "quotes \""
                        + quote
                        + "\", which is not in passage "
                        + String.join(" or ", cited.stream().map(n -> "[" + n + "]").toList()))));
      }
    }
    return new Result(text, markers, quotes.size(), Optional.empty());
  }

  private boolean inAnyCited(String quote, Set<Integer> cited) {
    for (String part : ELLIPSIS.split(quote)) {
      String p = trimEdges(part);
      if (p.isEmpty()) {
        continue;
      }
      boolean found =
          cited.stream().anyMatch(n -> TextMatch.containsPhrase(passages.get(n - 1), p));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static String trimEdges(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && EDGE_PUNCTUATION.indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && EDGE_PUNCTUATION.indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }

  private static List<String> quotes(String sentence) {
    List<String> quotes = new ArrayList<>();
    Matcher q = QUOTE.matcher(sentence);
    while (q.find()) {
      quotes.add(q.group(1) != null ? q.group(1) : q.group(2));
    }
    return quotes;
  }
}
