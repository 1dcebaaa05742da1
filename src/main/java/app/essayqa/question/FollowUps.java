package app.essayqa.question;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a question leans on the previous answer, and how. The rule is structural, the
 * same for every front end: a whole question that asks to read on continues; one that starts with
 * "and" or "what about" and names little borrows the previous question's verb; one that points back
 * with a pronoun and names nothing new is read against the previous answer. Anything else stands
 * alone, however recent the last answer. Pure.
 */
public final class FollowUps {
  /** An elliptic follow-up names at most this many terms of its own ("And Korea?"). */
  private static final int ELLIPSIS_MAX_TERMS = 3;

  /** A pronoun follow-up asks at most this much itself ("Why did he say that?"). */
  private static final int ANAPHORA_MAX_TERMS = 2;

  private static final Pattern ELLIPSIS_START =
      Pattern.compile("^(and|also|but|what about|how about|and what about|or)\\b");
  private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}' ]+");

  private FollowUps() {}

  /**
   * @param text the cleaned question
   * @param terms its search terms
   * @param names the names it mentions
   * @param hasPrevious whether an earlier answer quoted something to lean on
   */
  public static FollowUp classify(
      String text, List<String> terms, List<String> names, boolean hasPrevious) {
    if (!hasPrevious) {
      return FollowUp.STANDALONE;
    }
    String plain = plain(text);
    if (isContinuation(text)) {
      return FollowUp.CONTINUE;
    }
    if (ELLIPSIS_START.matcher(plain).find() && terms.size() <= ELLIPSIS_MAX_TERMS) {
      return FollowUp.ELLIPSIS;
    }
    boolean pointsBack =
        Arrays.stream(plain.split(" ")).anyMatch(WordList.FOLLOW_UP_PRONOUNS::contains);
    if (pointsBack && names.isEmpty() && terms.size() <= ANAPHORA_MAX_TERMS) {
      return FollowUp.ANAPHORA;
    }
    return FollowUp.STANDALONE;
  }

  /** Whether the whole question asks to read on ("Tell me more!", "go on"). */
  public static boolean isContinuation(String text) {
    return WordList.CONTINUATIONS.contains(plain(text));
  }

  private static String plain(String text) {
    return PUNCTUATION
        .matcher(text.toLowerCase(Locale.ROOT))
        .replaceAll(" ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
