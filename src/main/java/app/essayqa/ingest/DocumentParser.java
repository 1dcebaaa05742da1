package app.essayqa.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a document's shape in plain text or Markdown: the title (first line), section headings,
 * paragraphs (blocks between blank lines), sentences, and the blocks that are not running text
 * (pull quotes, byline, picture credit, sign-off). Pure: the same text always parses the same way.
 */
public final class DocumentParser {
  /** A heading is a short line; longer lines are running text. */
  private static final int MAX_HEADING_CHARS = 80;

  private static final int MAX_HEADING_WORDS = 10;

  /** Titles run longer than headings ("Reflections on … Relations”" is 102 characters). */
  private static final int MAX_TITLE_CHARS = 200;

  /** The section name given to a byline and what follows it. */
  public static final String ABOUT_AUTHOR = "About the author";

  /** A heading introduces real text; a short line followed by another short line is a byline. */
  private static final int MIN_CHARS_AFTER_HEADING = 200;

  private static final int MAX_BYLINE_CHARS = 60;

  /** Share of a block's word 4-grams found in one longer block that makes it a repeat. */
  private static final double PULL_QUOTE_OVERLAP = 0.6;

  private static final Pattern CREDIT =
      Pattern.compile(
          "(?i)^(banner\\s+)?(image|photo|photograph|picture|illustration)s?(\\s+credits?)?\\s*:.*");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+.*");
  private static final Pattern NAME =
      Pattern.compile("^(Dr\\.? |Prof\\.? )?(\\p{Lu}[\\p{L}'’.-]*\\s?){2,5}$");

  /** "0. Definitions.", "2.1 Scope": a numbered heading may end with a full stop. */
  private static final Pattern NUMBERED_HEADING =
      Pattern.compile("^\\d{1,3}(\\.\\d{1,3})*\\.?\\s+\\p{Lu}[^.!?]*\\.?$");

  /** "By Jane Doe" under a title names the author. */
  private static final Pattern BY = Pattern.compile("^[Bb]y\\s+((\\p{Lu}[\\p{L}'’.-]*\\s?){2,5})$");

  private static final int MAX_TITLE_LINES = 3;

  /**
   * A block longer than this is running text; a byline after the last of them closes the document
   * (a bio sentence or a picture credit may be longer than a byline, not than this).
   */
  private static final int MIN_BODY_CHARS = 300;

  private record Block(int start, int end, String text, boolean markdownHeading) {}

  /**
   * What the kind of a block depends on beyond the block itself, computed once per document so that
   * classifying every block stays linear in the text: the last long block (for sign-offs) and which
   * blocks repeat a longer one (pull quotes).
   */
  private record Shape(int lastLongBlock, int lastBodyBlock, boolean[] repeats) {}

  /** Parses {@code text}, which is kept as is: every offset in the result points into it. */
  public Document parse(String id, String text) {
    return parse(id, text, List.of());
  }

  /**
   * Parses the text of a paged document, {@code pageStarts} giving the offset where each page
   * starts (empty for a document without pages).
   */
  public Document parse(String id, String text, List<Integer> pageStarts) {
    List<Block> blocks = blocks(text);
    if (blocks.isEmpty()) {
      return new Document(id, id, Optional.empty(), text, List.of(id), List.of(), pageStarts);
    }
    // A file that starts with running text has no title line: name it after the file and keep
    // that text as its first paragraph.
    boolean titled = looksLikeTitle(blocks.get(0));
    String title =
        titled
            ? stripMarkdown(blocks.get(0).text()).replaceAll("\\s*\n\\s*", " ")
            : id.replaceFirst("\\.[^.]+$", "");
    List<String> sections = new ArrayList<>(List.of(title));
    List<Paragraph> paragraphs = new ArrayList<>();
    String section = title;
    Optional<String> author = Optional.empty();
    Shape shape = shape(blocks);
    for (int i = titled ? 1 : 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (isHeading(blocks, i)) {
        section = stripMarkdown(block.text());
        sections.add(section);
        continue;
      }
      ParagraphKind kind = kindOf(blocks, i, shape);
      boolean trailing = shape.lastBodyBlock() < i;
      if (kind == ParagraphKind.BYLINE && trailing && !section.equals(ABOUT_AUTHOR)) {
        // What follows a closing byline (name, role, bio, credits) is about the author, not the
        // last section. A short line amid the text ("Version 3, 29 June 2007") is not a byline
        // of that kind.
        section = ABOUT_AUTHOR;
        sections.add(section);
      }
      if (kind == ParagraphKind.BYLINE && author.isEmpty()) {
        Matcher by = BY.matcher(block.text());
        if (by.matches()) {
          author = Optional.of(by.group(1));
        } else if (trailing && NAME.matcher(block.text()).matches()) {
          author = Optional.of(block.text());
        }
      }
      int number = paragraphs.size() + 1;
      paragraphs.add(
          new Paragraph(
              number,
              section,
              kind,
              block.start(),
              block.end(),
              block.text(),
              sentences(text, block)));
    }
    return new Document(id, title, author, text, sections, paragraphs, pageStarts);
  }

  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    int blockStart = -1;
    int blockEnd = -1;
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      String line = text.substring(lineStart, lineEnd);
      boolean blank = isBlank(line);
      boolean mdHeading = MARKDOWN_HEADING.matcher(line.strip()).matches();
      if ((blank || mdHeading) && blockStart >= 0) {
        blocks.add(block(text, blockStart, blockEnd, false));
        blockStart = -1;
      }
      if (mdHeading) {
        blocks.add(block(text, lineStart, lineEnd, true));
      } else if (!blank) {
        if (blockStart < 0) {
          blockStart = lineStart;
        }
        blockEnd = lineEnd;
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    if (blockStart >= 0) {
      blocks.add(block(text, blockStart, blockEnd, false));
    }
    return blocks;
  }

  private static Block block(String text, int start, int end, boolean markdownHeading) {
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return new Block(start, end, text.substring(start, end), markdownHeading);
  }

  /**
   * A first block of up to {@link #MAX_TITLE_LINES} short lines, none ending like a sentence, is
   * the title ("GNU GENERAL PUBLIC LICENSE" over "Version 3, 29 June 2007").
   */
  private static boolean looksLikeTitle(Block block) {
    if (block.markdownHeading()) {
      return true;
    }
    String t = block.text();
    String[] lines = t.split("\n");
    if (t.length() > MAX_TITLE_CHARS || lines.length > MAX_TITLE_LINES) {
      return false;
    }
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty()
          || ".!?".indexOf(l.charAt(l.length() - 1)) >= 0
          || (lines.length > 1 && l.length() > MAX_HEADING_CHARS)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHeading(List<Block> blocks, int i) {
    Block block = blocks.get(i);
    if (block.markdownHeading()) {
      return true;
    }
    String t = block.text();
    boolean numbered = NUMBERED_HEADING.matcher(t).matches();
    if (t.length() > MAX_HEADING_CHARS || t.contains("\n") || (endsLikeSentence(t) && !numbered)) {
      return false;
    }
    if (t.split("\\s+").length > MAX_HEADING_WORDS || CREDIT.matcher(t).matches()) {
      return false;
    }
    return i + 1 < blocks.size() && blocks.get(i + 1).text().length() >= MIN_CHARS_AFTER_HEADING;
  }

  private static ParagraphKind kindOf(List<Block> blocks, int i, Shape shape) {
    String t = blocks.get(i).text();
    if (CREDIT.matcher(t).matches()) {
      return ParagraphKind.CREDIT;
    }
    if (t.length() <= MAX_BYLINE_CHARS && t.endsWith("!") && shape.lastLongBlock() <= i) {
      return ParagraphKind.SIGN_OFF;
    }
    if (t.length() <= MAX_BYLINE_CHARS && !endsLikeSentence(t) && !t.contains("\n")) {
      return ParagraphKind.BYLINE;
    }
    if (shape.repeats()[i]) {
      return ParagraphKind.PULL_QUOTE;
    }
    return ParagraphKind.BODY;
  }

  private static Shape shape(List<Block> blocks) {
    int lastLong = -1;
    int lastBody = -1;
    for (int j = 0; j < blocks.size(); j++) {
      if (blocks.get(j).text().length() > MAX_BYLINE_CHARS) {
        lastLong = j;
      }
      if (blocks.get(j).text().length() > MIN_BODY_CHARS) {
        lastBody = j;
      }
    }
    return new Shape(lastLong, lastBody, repeats(blocks));
  }

  /**
   * For each block, whether at least {@link #PULL_QUOTE_OVERLAP} of its word 4-grams occur in one
   * longer block. Each block's 4-grams are made once and looked up in one map from 4-gram to the
   * blocks holding it, so the work grows with the text, not with the square of its blocks.
   */
  private static boolean[] repeats(List<Block> blocks) {
    List<Set<String>> grams = new ArrayList<>(blocks.size());
    Map<String, List<Integer>> holders = new HashMap<>();
    for (int j = 0; j < blocks.size(); j++) {
      Set<String> own = shingles(blocks.get(j).text());
      grams.add(own);
      for (String gram : own) {
        holders.computeIfAbsent(gram, g -> new ArrayList<>(1)).add(j);
      }
    }
    boolean[] repeats = new boolean[blocks.size()];
    Map<Integer, Integer> shared = new HashMap<>();
    for (int i = 0; i < blocks.size(); i++) {
      Set<String> own = grams.get(i);
      if (own.isEmpty()) {
        continue;
      }
      int length = blocks.get(i).text().length();
      shared.clear();
      for (String gram : own) {
        for (int j : holders.get(gram)) {
          if (j != i && blocks.get(j).text().length() > length) {
            shared.merge(j, 1, Integer::sum);
          }
        }
      }
      for (int count : shared.values()) {
        if (count >= PULL_QUOTE_OVERLAP * own.size()) {
          repeats[i] = true;
          break;
        }
      }
    }
    return repeats;
  }

  private static Set<String> shingles(String text) {
    String[] words =
        NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip().split(" ");
    Set<String> grams = new HashSet<>();
    for (int k = 0; k + 4 <= words.length; k++) {
      grams.add(String.join(" ", words[k], words[k + 1], words[k + 2], words[k + 3]));
    }
    return grams;
  }

  private static List<Sentence> sentences(String text, Block block) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    it.setText(block.text());
    List<int[]> spans = new ArrayList<>();
    for (int s = it.first(), e = it.next(); e != BreakIterator.DONE; s = e, e = it.next()) {
      int start = s;
      int end = e;
      while (start < end && isSpace(block.text().charAt(start))) {
        start++;
      }
      while (end > start && isSpace(block.text().charAt(end - 1))) {
        end--;
      }
      if (start == end) {
        continue;
      }
      // A stray fragment (a lone quote mark, "(1)") or a false break ("U.S.-led") belongs to the
      // sentence before it.
      String piece = block.text().substring(start, end);
      if (!spans.isEmpty() && (wordCount(piece) < 2 || !startsLikeSentence(piece))) {
        spans.get(spans.size() - 1)[1] = end;
      } else {
        spans.add(new int[] {start, end});
      }
    }
    List<Sentence> sentences = new ArrayList<>();
    for (int[] span : spans) {
      // A sentence beyond the model's window is several passages, each quoted on its own.
      for (int[] piece : SentencePieces.of(block.text(), span[0], span[1])) {
        int start = block.start() + piece[0];
        int end = block.start() + piece[1];
        sentences.add(new Sentence(sentences.size() + 1, start, end, text.substring(start, end)));
      }
    }
    return sentences;
  }

  private static boolean startsLikeSentence(String s) {
    char first = s.charAt(0);
    return Character.isUpperCase(first)
        || Character.isDigit(first)
        || "\"“‘'(".indexOf(first) >= 0
        || !Character.isLetter(first) && !"-–—,;:.".contains(String.valueOf(first));
  }

  private static int wordCount(String s) {
    String stripped = s.replaceAll("[^\\p{L}\\p{N}\\s]", " ").strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private static boolean endsLikeSentence(String t) {
    char last = t.charAt(t.length() - 1);
    return ".!?;,\"”’)".indexOf(last) >= 0;
  }

  private static String stripMarkdown(String heading) {
    return heading.replaceFirst("^#{1,6}\\s+", "").strip();
  }

  private static boolean isBlank(String line) {
    for (int k = 0; k < line.length(); k++) {
      if (!isSpace(line.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** Whitespace including the no-break spaces that web copies leave on "empty" lines. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
