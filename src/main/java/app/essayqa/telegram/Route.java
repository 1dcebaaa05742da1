package app.essayqa.telegram;

import java.util.Locale;

/**
 * What an incoming message asks of the bot, decided from its text alone: private chats make every
 * text a question; groups only when the bot is mentioned, replied to, or given {@code /ask}.
 *
 * @param text the question with the mention or command stripped; empty for other kinds
 */
record Route(Kind kind, String text) {
  enum Kind {
    QUESTION,
    START,
    HELP,
    ABOUT,
    /** {@code /ask} or a bare mention with nothing to ask. */
    EMPTY_QUESTION,
    UNKNOWN_COMMAND,
    /** A sticker, photo or voice message addressed to the bot. */
    NOT_TEXT,
    /** Not for this bot: group chatter, another bot's command. */
    IGNORE
  }

  static final Route IGNORED = new Route(Kind.IGNORE, "");

  /**
   * @param text the message text or caption, null for stickers, photos, voice
   * @param botUsername the bot's username without {@code @}
   * @param replyToBot whether the message replies to one of the bot's messages
   */
  static Route of(boolean privateChat, String text, String botUsername, boolean replyToBot) {
    boolean addressed = privateChat || replyToBot;
    if (text == null || text.isBlank()) {
      return addressed ? new Route(Kind.NOT_TEXT, "") : IGNORED;
    }
    String t = text.strip();
    if (t.startsWith("/")) {
      return command(t, botUsername, addressed);
    }
    int mention = findMention(t, botUsername);
    if (mention >= 0) {
      String rest = t.substring(0, mention) + " " + t.substring(mention + botUsername.length() + 1);
      return question(rest.strip().replaceAll("^[,:;.!\\s]+", "").replaceAll("\\s{2,}", " "));
    }
    return addressed ? question(t) : IGNORED;
  }

  private static Route command(String t, String botUsername, boolean addressed) {
    int space = indexOfWhitespace(t);
    String head = space < 0 ? t.substring(1) : t.substring(1, space);
    String args = space < 0 ? "" : t.substring(space).strip();
    int at = head.indexOf('@');
    boolean named = false;
    if (at >= 0) {
      if (!head.substring(at + 1).equalsIgnoreCase(botUsername)) {
        return IGNORED;
      }
      head = head.substring(0, at);
      named = true;
    }
    switch (head.toLowerCase(Locale.ROOT)) {
      case "start":
        return new Route(Kind.START, "");
      case "help":
        return new Route(Kind.HELP, "");
      case "about":
        return new Route(Kind.ABOUT, "");
      case "ask":
        return question(args);
      default:
        return addressed || named ? new Route(Kind.UNKNOWN_COMMAND, head) : IGNORED;
    }
  }

  private static Route question(String text) {
    return text.isBlank() ? new Route(Kind.EMPTY_QUESTION, "") : new Route(Kind.QUESTION, text);
  }

  /** Index of {@code @botUsername} as a whole word (case-insensitive), or -1. */
  static int findMention(String text, String botUsername) {
    if (botUsername == null || botUsername.isEmpty()) {
      return -1;
    }
    // Matched in the original text: lower-casing can change its length ("İ"), and the index is
    // used to cut the original.
    String needle = "@" + botUsername;
    for (int i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
      if (!text.regionMatches(true, i, needle, 0, needle.length())) {
        continue;
      }
      int after = i + needle.length();
      boolean startOk = i == 0 || !isWordChar(text.charAt(i - 1));
      boolean endOk = after == text.length() || !isWordChar(text.charAt(after));
      if (startOk && endOk) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
