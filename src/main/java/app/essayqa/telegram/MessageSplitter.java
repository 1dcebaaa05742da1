package app.essayqa.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Telegram HTML into messages of at most a given length, each valid HTML on its own: a cut
 * closes the tags open at that point and the next part opens them again. Cuts fall at a paragraph
 * break if one is far enough along, else at a sentence end, else between words, and never inside a
 * tag, an entity or a surrogate pair.
 */
final class MessageSplitter {
  /** Telegram's limit on a message's text. We count the HTML source, which is never shorter. */
  static final int TELEGRAM_LIMIT = 4096;

  private static final Pattern EMPTY_ELEMENT =
      Pattern.compile("<([a-z][a-z0-9-]*)[^>]*>\\s*</\\1>");

  private MessageSplitter() {}

  static List<String> split(String html, int limit) {
    if (limit < 64) {
      throw new IllegalArgumentException("limit must be at least 64, was " + limit);
    }
    List<String> parts = new ArrayList<>();
    String rest = html.strip();
    while (rest.length() > limit) {
      int before = rest.length();
      String[] cut = cut(rest, limit);
      if (!cut[0].isBlank()) {
        parts.add(cut[0]);
      }
      rest = cut[1];
      if (rest.length() >= before) {
        throw new IllegalStateException("split made no progress at limit " + limit);
      }
    }
    if (!rest.isBlank()) {
      parts.add(rest);
    }
    return parts;
  }

  /** The head (at most {@code limit} long) and the rest of {@code s}. */
  private static String[] cut(String s, int limit) {
    Deque<String[]> open = new ArrayDeque<>(); // {name, raw opening tag}, innermost first
    int closingLength = 0;
    int[] best = new int[4]; // best cut position per priority, 0 = none
    String[][][] stacks = new String[4][][];
    int minUseful = limit / 3;
    int i = 0;
    while (i < s.length() && i + closingLength <= limit) {
      char c = s.charAt(i);
      if (c == '<') {
        int end = s.indexOf('>', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed tag at " + i);
        }
        String tag = s.substring(i, end + 1);
        if (tag.startsWith("</")) {
          String[] top = open.poll();
          if (top != null) {
            closingLength -= top[0].length() + 3;
          }
        } else {
          String name = tag.substring(1, tag.length() - 1).split("[\\s>]", 2)[0];
          open.push(new String[] {name, tag});
          closingLength += name.length() + 3;
        }
        i = end + 1;
        continue;
      }
      int priority = priority(s, i);
      if (priority >= 0
          && i > 0
          && i + closingLength <= limit
          && (priority == 0 || i >= minUseful)) {
        best[priority] = i;
        stacks[priority] = open.toArray(new String[0][]);
      }
      if (c == '&') {
        int end = s.indexOf(';', i);
        i = end < 0 ? i + 1 : end + 1;
      } else {
        i += Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
      }
    }
    for (int p = 3; p >= 0; p--) {
      if (best[p] > 0) {
        return split(s, best[p], stacks[p]);
      }
    }
    throw new IllegalArgumentException("cannot split within " + limit + " characters");
  }

  /**
   * How good a cut before position {@code i} is: 3 paragraph break, 2 sentence end or line break, 1
   * between words, 0 anywhere else in text.
   */
  private static int priority(String s, int i) {
    char c = s.charAt(i);
    if (c == '\n' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
      return 3;
    }
    if (c == '\n') {
      return 2;
    }
    if (Character.isWhitespace(c)) {
      return endsSentence(s, i) ? 2 : 1;
    }
    return 0;
  }

  private static boolean endsSentence(String s, int i) {
    int j = i - 1;
    while (j >= 0 && "\"')]”’»".indexOf(s.charAt(j)) >= 0) {
      j--;
    }
    return j >= 0 && ".!?…".indexOf(s.charAt(j)) >= 0;
  }

  private static String[] split(String s, int at, String[][] openInnermostFirst) {
    StringBuilder head = new StringBuilder(s.substring(0, at).stripTrailing());
    StringBuilder reopen = new StringBuilder();
    for (String[] tag : openInnermostFirst) {
      head.append("</").append(tag[0]).append('>');
    }
    for (int k = openInnermostFirst.length - 1; k >= 0; k--) {
      reopen.append(openInnermostFirst[k][1]);
    }
    String tail = reopen + s.substring(at).stripLeading();
    return new String[] {clean(head.toString()), clean(tail)};
  }

  private static String clean(String html) {
    String previous;
    String current = html;
    do {
      previous = current;
      current = EMPTY_ELEMENT.matcher(previous).replaceAll("");
    } while (!current.equals(previous));
    return current.strip();
  }
}
