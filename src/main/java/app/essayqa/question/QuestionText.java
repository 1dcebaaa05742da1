package app.essayqa.question;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/** Cleans what a user typed into a question the pipeline can take, or says why it cannot. Pure. */
public final class QuestionText {
  private static final Pattern ANSI =
      Pattern.compile(
          "\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|[@-Z\\\\-_])");

  /** Control characters stand between words; format characters sit inside them. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  /**
   * Zero-width spaces and joiners, soft hyphens, direction marks: "Bren\\u200bdan" is "Brendan".
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD]");

  private static final Pattern SINGLE_QUOTES =
      Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032]");
  private static final Pattern DOUBLE_QUOTES =
      Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u2033]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private QuestionText() {}

  /** The outcome: a cleaned question, or a message saying why there is none. */
  public record Cleaned(String text, Optional<String> problem) {}

  /**
   * Strips terminal escape sequences and control and format characters, applies NFKC (full-width
   * letters become ASCII) and folds white space; then checks length, words and script; and last
   * takes the chatter off it (markup, emoji, greetings and politeness: {@link Chatter}).
   */
  public static Cleaned clean(String raw, int maxChars) {
    if (raw == null) {
      return new Cleaned("", Optional.of("Please type a question about the essay."));
    }
    if (raw.length() > 4 * maxChars) {
      // Refuse before normalising: NFKC over a huge paste is wasted work.
      return new Cleaned("", Optional.of(tooLong(raw.length(), maxChars)));
    }
    String text = ANSI.matcher(raw).replaceAll(" ");
    text = CONTROL.matcher(text).replaceAll(" ");
    text = INVISIBLE.matcher(text).replaceAll("");
    text = SINGLE_QUOTES.matcher(text).replaceAll("'");
    text = DOUBLE_QUOTES.matcher(text).replaceAll("\"");
    text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String lines = text;
    text = SPACES.matcher(text).replaceAll(" ").strip();
    if (text.isEmpty()) {
      return new Cleaned(text, Optional.of("Please type a question about the essay."));
    }
    if (text.length() > maxChars) {
      return new Cleaned(text, Optional.of(tooLong(text.length(), maxChars)));
    }
    long letters = text.codePoints().filter(Character::isLetterOrDigit).count();
    if (letters == 0) {
      return new Cleaned(
          text, Optional.of("I found no words in that. Please ask a question about the essay."));
    }
    long latin =
        text.codePoints()
            .filter(Character::isLetter)
            .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
            .count();
    long allLetters = text.codePoints().filter(Character::isLetter).count();
    if (allLetters > 0 && latin * 2 < allLetters) {
      return new Cleaned(
          text,
          Optional.of(
              "I can only answer questions in English, the language of the essay. "
                  + "Please ask again in English."));
    }
    // Chatter is no question: when nothing else is there, the question is judged as typed.
    String plain = Chatter.strip(lines);
    boolean plainHasWords = plain.codePoints().anyMatch(Character::isLetterOrDigit);
    return new Cleaned(plainHasWords ? plain : text, Optional.empty());
  }

  private static String tooLong(int length, int maxChars) {
    return "That question is too long ("
        + length
        + " characters; the limit is "
        + maxChars
        + "). Please ask something shorter.";
  }
}
