package app.essayqa.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Parses Telegram HTML the way the Bot API does, for the fake server and the tests: the text a user
 * would see, or an error naming what Telegram would reject.
 */
final class TelegramHtml {
  private static final Set<String> TAGS =
      Set.of(
          "b",
          "strong",
          "i",
          "em",
          "u",
          "ins",
          "s",
          "strike",
          "del",
          "span",
          "tg-spoiler",
          "a",
          "tg-emoji",
          "code",
          "pre",
          "blockquote");

  private TelegramHtml() {}

  static final class InvalidHtml extends Exception {
    // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
    private static final long serialVersionUID = 1L;

    InvalidHtml(String message) {
      super(message);
    }
  }

  /** The visible text of {@code html}. */
  static String plainText(String html) throws InvalidHtml {
    StringBuilder text = new StringBuilder();
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          throw new InvalidHtml("can't parse entities: unclosed start tag at byte offset " + i);
        }
        String tag = html.substring(i + 1, end);
        if (tag.startsWith("/")) {
          String name = tag.substring(1).strip();
          if (open.isEmpty() || !open.peek().equals(name)) {
            throw new InvalidHtml(
                "can't parse entities: unmatched end tag at byte offset "
                    + i
                    + ", expected \"</"
                    + open.peek()
                    + ">\", found \"</"
                    + name
                    + ">\"");
          }
          open.pop();
        } else {
          String name = tag.split("\\s", 2)[0];
          if (!TAGS.contains(name)) {
            throw new InvalidHtml(
                "can't parse entities: unsupported start tag \"" + name + "\" at byte offset " + i);
          }
          open.push(name);
        }
        i = end + 1;
      } else if (c == '&') {
        int end = html.indexOf(';', i);
        String entity = end < 0 ? "" : html.substring(i + 1, end);
        switch (entity) {
          case "lt" -> text.append('<');
          case "gt" -> text.append('>');
          case "amp" -> text.append('&');
          case "quot" -> text.append('"');
          default -> {
            if (entity.matches("#[0-9]{1,7}")) {
              text.appendCodePoint(Integer.parseInt(entity.substring(1)));
            } else if (entity.matches("#x[0-9a-fA-F]{1,6}")) {
              text.appendCodePoint(Integer.parseInt(entity.substring(2), 16));
            } else {
              throw new InvalidHtml("can't parse entities: unsupported entity at byte offset " + i);
            }
          }
        }
        i = end + 1;
      } else if (c == '>') {
        throw new InvalidHtml("can't parse entities: unexpected > at byte offset " + i);
      } else {
        text.append(c);
        i++;
      }
    }
    if (!open.isEmpty()) {
      throw new InvalidHtml(
          "can't parse entities: can't find end tag corresponding to start tag \""
              + open.peek()
              + "\"");
    }
    return text.toString();
  }
}
