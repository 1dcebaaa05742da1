package app.essayqa.generate;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a model's reply into the sentences that are checked one by one. The same English sentence
 * breaks as the seeds get (java.text), plus two repairs for how models write: citations after the
 * full stop ("… in 2019. [2] Then …") stay with their sentence, and a fragment that does not start
 * like a sentence (after "e.g." or "Dr.") joins the one before it.
 */
final class ReplySentences {
  /** Citation markers at the very start of a piece: they belong to the sentence before it. */
  private static final Pattern LEADING_CITATIONS =
      Pattern.compile("^((?:\\s*\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*])+)");

  /**
   * Where java.text sees no break: a full stop, then citations, then a new sentence ("… 2019. [1]
   * It moved …"). The cut goes after the citations.
   */
  private static final Pattern AFTER_TRAILING_CITATIONS =
      Pattern.compile("[.!?][\"”’)]?\\s*(?:\\[[\\d\\s,;]{1,20}])+(?=\\s+[\"“(]?\\p{Lu})");

  private ReplySentences() {}

  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\\R")) {
      BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
      it.setText(line);
      List<String> pieces = new ArrayList<>();
      for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
        Matcher cut = AFTER_TRAILING_CITATIONS.matcher(line.substring(s, e));
        int from = 0;
        while (cut.find()) {
          pieces.add(line.substring(s + from, s + cut.end()));
          from = cut.end();
        }
        pieces.add(line.substring(s + from, e));
      }
      for (String raw : pieces) {
        String piece = raw.strip();
        if (piece.isEmpty()) {
          continue;
        }
        Matcher lead = LEADING_CITATIONS.matcher(piece);
        if (!sentences.isEmpty() && lead.find()) {
          int last = sentences.size() - 1;
          sentences.set(last, sentences.get(last) + " " + lead.group(1).strip());
          piece = piece.substring(lead.end()).strip();
          if (piece.isEmpty()) {
            continue;
          }
        }
        if (!sentences.isEmpty()
            && (!startsLikeSentence(piece) || words(sentences.get(sentences.size() - 1)) < 2)) {
          int last = sentences.size() - 1;
          sentences.set(last, sentences.get(last) + " " + piece);
        } else {
          sentences.add(piece);
        }
      }
    }
    return sentences;
  }

  private static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  private static boolean startsLikeSentence(String s) {
    char first = s.charAt(0);
    return !Character.isLowerCase(first) && ",;:)".indexOf(first) < 0;
  }
}
