package app.essayqa.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes off a question what carries nothing of what it asks, so that evidence is judged on the
 * plain question: quoted earlier messages ("&gt; ..." lines), HTML tags and entities, Markdown
 * emphasis, code marks and links (their text kept), emoji, emoticons and decorative symbols, runs
 * of odd punctuation, and the {@link WordList#DISCOURSE_WORDS} at its start and end ("hi! sorry if
 * this is silly, but ...", "... thanks!"). A discourse word is taken only where it stands apart: at
 * the start when punctuation, a question word or more chatter follows it ("Please explain" but not
 * "Hello Kitty"), at the end when punctuation precedes it or the question is framed already ("where
 * was it held thanks", not "what did they say thanks"). Pure and thread-safe.
 */
public final class Chatter {
  private static final Pattern LINE = Pattern.compile("\\R");
  private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>");

  private static final Pattern TAG =
      Pattern.compile(
          "</?[a-zA-Z][a-zA-Z0-9]*(?:\\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*\\s*=\\s*"
              + "(?:\"[^\"]*\"|'[^']*'|[^\\s\"'<>]+))*\\s*/?>");
  private static final Pattern ENTITY =
      Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));");
  private static final Map<String, String> NAMED_ENTITIES =
      Map.of(
          "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "hellip", "...",
          "mdash", "-", "ndash", "-", "rsquo", "'");

  private static final Pattern MD_IMAGE_OR_LINK =
      Pattern.compile("!?\\[([^\\[\\]]*)\\]\\((?:[^()\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern MD_EMPHASIS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\\\])(\\*{1,3}|_{1,3}|~~)(?=\\S)(.+?)(?<=\\S)\\1(?![\\p{L}\\p{N}])");
  private static final Pattern MD_CODE = Pattern.compile("`+");
  private static final Pattern MD_LINE_MARK = Pattern.compile("(?m)^\\s{0,3}(?:#{1,6}|[-*+])\\s+");

  /** Pictographs, dingbats, modifiers and the joiners between them. */
  private static final Pattern SYMBOLS =
      Pattern.compile(
          "[\\p{So}\\p{Co}\\x{1F3FB}-\\x{1F3FF}\\uFE0E\\uFE0F\\u20E3\\u2022\\u2023\\u25E6\\u2043"
              + "\\u2219\\u2190-\\u21FF]");

  private static final Pattern EMOTICON =
      Pattern.compile(
          "(?<!\\S)(?:[:;=8xX][-'^o]?[)(\\]\\[DPpOo3/\\\\|*@]+|<3+|\\^_*\\^|[:;]'?[-]?[(]|o_O|O_o"
              + "|-_-|:-?\\|)(?!\\S)");
  private static final Pattern ELLIPSIS = Pattern.compile("\\.{2,}|…");
  private static final Pattern ASKS = Pattern.compile("[?!]*\\?[?!]*");
  private static final Pattern EXCLAIMS = Pattern.compile("!{2,}");
  private static final Pattern REPEATED = Pattern.compile("([,;])\\1+");
  private static final Pattern SPACE_BEFORE_MARK = Pattern.compile("\\s+([,.!?;:])(?=\\s|$)");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private static final Pattern LEADING =
      Pattern.compile(
          "^[\\s,.!?;:()\\-–—]*("
              + WordList.DISCOURSE_WORDS.alternation()
              + ")(?![\\p{L}\\p{N}'’])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}'’])("
              + WordList.DISCOURSE_WORDS.alternation()
              + ")[\\s,.!?;:()\\-–—]*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SET_OFF = Pattern.compile("^\\s*(?:[,.!?;:)–—]|-\\s|$)");
  private static final Pattern CONNECTIVE =
      Pattern.compile(
          "^[\\s,.!?;:\\-–—]*(?:but|and|so)(?![\\p{L}\\p{N}'’])[\\s,]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s,.!?;:\\-–—]*([\\p{L}'’]+)");
  private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}'’]+)\\W*$");
  private static final Pattern ENDS_WITH_MARK = Pattern.compile("[,.!?;:)–—]\\s*$");
  private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s,;:\\-–—]+$");

  private Chatter() {}

  /**
   * The plain question in {@code text} (lines not yet folded), white space folded; empty when
   * nothing but chatter was there.
   */
  public static String strip(String text) {
    String plain = unquoted(text);
    plain = MD_LINE_MARK.matcher(plain).replaceAll("");
    plain = TAG.matcher(plain).replaceAll(" ");
    plain = decodeEntities(plain);
    plain = MD_IMAGE_OR_LINK.matcher(plain).replaceAll("$1");
    for (int i = 0; i < 3; i++) {
      plain = MD_EMPHASIS.matcher(plain).replaceAll("$2");
    }
    plain = MD_CODE.matcher(plain).replaceAll("");
    plain = SYMBOLS.matcher(plain).replaceAll(" ");
    plain = SPACES.matcher(plain).replaceAll(" ");
    plain = EMOTICON.matcher(plain).replaceAll(" ");
    plain = ELLIPSIS.matcher(plain).replaceAll(" ");
    plain = ASKS.matcher(plain).replaceAll("?");
    plain = EXCLAIMS.matcher(plain).replaceAll("!");
    plain = REPEATED.matcher(plain).replaceAll("$1");
    plain = SPACES.matcher(plain).replaceAll(" ").strip();
    plain = SPACE_BEFORE_MARK.matcher(plain).replaceAll("$1");
    boolean asked = plain.endsWith("?");
    plain = edges(plain);
    plain = TRAILING_MARKS.matcher(plain).replaceAll("").strip();
    if (asked && !plain.isEmpty() && !plain.endsWith("?")) {
      plain = plain.replaceFirst("[.!]+$", "") + "?";
    }
    return plain;
  }

  /** The lines not quoted from an earlier message, or all of them when every line is quoted. */
  private static String unquoted(String text) {
    List<String> own = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (String line : LINE.split(text)) {
      boolean quoted = QUOTED_LINE.matcher(line).find();
      String bare = line.replaceFirst("^(\\s*>)+", "");
      all.add(bare);
      if (!quoted && bare.codePoints().anyMatch(Character::isLetterOrDigit)) {
        own.add(line);
      }
    }
    return String.join("\n", own.isEmpty() ? all : own);
  }

  private static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group();
      try {
        if (m.group(1) != null) {
          replacement = new String(Character.toChars(Integer.parseInt(m.group(1))));
        } else if (m.group(2) != null) {
          replacement = new String(Character.toChars(Integer.parseInt(m.group(2), 16)));
        } else {
          replacement = NAMED_ENTITIES.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group());
        }
      } catch (IllegalArgumentException e) {
        // Not a code point: left as typed.
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Takes discourse words off both edges until none stands apart there. */
  private static String edges(String text) {
    String plain = text;
    boolean capitalise = false;
    for (boolean changed = true; changed; ) {
      changed = false;
      Matcher lead = LEADING.matcher(plain);
      if (lead.find() && standsApartAfter(plain.substring(lead.end()))) {
        capitalise |= Character.isUpperCase(lead.group(1).codePointAt(0));
        plain = plain.substring(lead.end());
        Matcher connective = CONNECTIVE.matcher(plain);
        if (connective.find() && connective.end() < plain.length()) {
          plain = plain.substring(connective.end());
        }
        plain = plain.replaceFirst("^[\\s,.!?;:)\\-–—]+", "");
        changed = true;
      }
      Matcher trail = TRAILING.matcher(plain);
      if (trail.find()
          && trail.start() > 0
          && standsApartBefore(plain.substring(0, trail.start()))) {
        plain = plain.substring(0, trail.start()).stripTrailing();
        changed = true;
      }
    }
    if (capitalise && !plain.isEmpty()) {
      plain = plain.substring(0, 1).toUpperCase(Locale.ROOT) + plain.substring(1);
    }
    return plain;
  }

  /** Whether a leading discourse word is set off from {@code rest}, the text after it. */
  private static boolean standsApartAfter(String rest) {
    if (SET_OFF.matcher(rest).find()) {
      return true;
    }
    Matcher first = FIRST_WORD.matcher(rest);
    if (!first.find()) {
      return true;
    }
    String word = first.group(1);
    return WordList.QUESTION_WORDS.contains(word) || LEADING.matcher(rest).find();
  }

  /** Whether a trailing discourse word is set off from {@code rest}, the text before it. */
  private static boolean standsApartBefore(String rest) {
    if (ENDS_WITH_MARK.matcher(rest).find()) {
      return true;
    }
    Matcher first = FIRST_WORD.matcher(rest);
    Matcher last = LAST_WORD.matcher(rest);
    return first.find()
        && WordList.QUESTION_WORDS.contains(first.group(1))
        && last.find()
        && !WordList.QUESTION_WORDS.contains(last.group(1));
  }
}
