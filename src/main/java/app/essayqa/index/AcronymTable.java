package app.essayqa.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The library's acronyms and the sentences that define them, read from the typography writers use
 * everywhere: "non-traditional security (NTS)", the expansion before the parenthesis, or "NTS
 * (non-traditional security)", the expansion inside it. An expansion counts only when its words'
 * letters spell the acronym: each word gives its initial and maybe more of its letters in order
 * ("Southeast" gives "SE" in ASEAN), small joining words may give none. The first definition in
 * library order wins, as a text defines a term at its first use. Immutable, thread-safe.
 */
public final class AcronymTable {
  /** Longer stretches are clauses that happen to spell the letters, not expansions. */
  public static final int MAX_EXPANSION_CHARS = 60;

  private static final Pattern IN_PARENTHESES =
      Pattern.compile("\\((\\p{Lu}[\\p{Lu}\\p{N}&]{1,9})(s?)\\)");
  private static final Pattern BEFORE_PARENTHESES =
      Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{Lu}\\p{N}&]{1,9})(s?) \\(([^()]{3,80})\\)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> JOINERS =
      Set.of("of", "and", "the", "for", "in", "on", "to", "a", "an", "at", "by", "de", "du", "&");

  private final Map<String, Definition> byAcronym;

  /**
   * One acronym's definition.
   *
   * @param acronym as written, without a plural "s" ("NTS")
   * @param expansion verbatim from the sentence ("non-traditional security")
   * @param passage the sentence that defines it
   */
  public record Definition(String acronym, String expansion, Passage passage) {}

  private AcronymTable(Map<String, Definition> byAcronym) {
    this.byAcronym = Map.copyOf(byAcronym);
  }

  /** The table of the definitions in {@code passages}, read in their order. */
  public static AcronymTable of(List<Passage> passages) {
    Map<String, Definition> table = new LinkedHashMap<>();
    for (Passage p : passages) {
      for (Map.Entry<String, String> d : definitionsIn(p.text()).entrySet()) {
        table.putIfAbsent(d.getKey(), new Definition(d.getKey(), d.getValue(), p));
      }
    }
    return new AcronymTable(table);
  }

  /** The definition of {@code acronym} (a plural "s" ignored), if the library gives one. */
  public Optional<Definition> find(String acronym) {
    Definition d = byAcronym.get(acronym);
    if (d == null && acronym.endsWith("s")) {
      d = byAcronym.get(acronym.substring(0, acronym.length() - 1));
    }
    return Optional.ofNullable(d);
  }

  /** Every definition, one per acronym. */
  public List<Definition> definitions() {
    return List.copyOf(byAcronym.values());
  }

  /** The acronyms {@code sentence} defines, each with its expansion, in sentence order. */
  public static Map<String, String> definitionsIn(String sentence) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher after = IN_PARENTHESES.matcher(sentence);
    while (after.find()) {
      String acronym = after.group(1);
      expandedBefore(sentence.substring(0, after.start()), acronym)
          .ifPresent(e -> found.putIfAbsent(acronym, e));
    }
    Matcher before = BEFORE_PARENTHESES.matcher(sentence);
    while (before.find()) {
      String acronym = before.group(1);
      String inside = before.group(3).strip();
      if (inside.length() <= MAX_EXPANSION_CHARS && spells(words(inside), acronym)) {
        found.putIfAbsent(acronym, inside);
      }
    }
    return found;
  }

  /**
   * The expansion of {@code acronym} in {@code sentence}, either way round; the same reading as the
   * table's.
   */
  public static Optional<String> expansion(String acronym, String sentence) {
    String bare = acronym.replaceAll("(?<=\\p{Lu})s$", "");
    return Optional.ofNullable(definitionsIn(sentence).get(bare));
  }

  /** The shortest run of words ending {@code text} whose letters spell {@code acronym}. */
  private static Optional<String> expandedBefore(String text, String acronym) {
    String trimmed = text.stripTrailing();
    Matcher m = WORD.matcher(trimmed);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    int most = Math.min(spans.size(), acronym.length() + 3);
    for (int k = 1; k <= most; k++) {
      int start = spans.get(spans.size() - k)[0];
      String tail = trimmed.substring(start);
      if (tail.length() > MAX_EXPANSION_CHARS) {
        return Optional.empty();
      }
      if (spells(words(tail), acronym)) {
        return Optional.of(tail);
      }
    }
    return Optional.empty();
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.replace("&", " & "));
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /**
   * Whether {@code words}, first and last giving letters, spell {@code acronym}; at least two
   * words, and one for every two letters, must give some.
   */
  static boolean spells(List<String> words, String acronym) {
    String letters = acronym.toLowerCase(Locale.ROOT).replace("&", "");
    long content = words.stream().filter(w -> !JOINERS.contains(w)).count();
    // One word spelling several letters is a word, not an expansion ("Prices (PRC)").
    if (letters.isEmpty() || content < Math.max(2, (letters.length() + 1) / 2)) {
      return false;
    }
    return align(letters, 0, words, 0, true);
  }

  /**
   * Whether the letters from {@code li} can be read off the words from {@code wi}: each content
   * word starts one letter with its initial and may add more of its own letters in order; a joiner
   * gives its initial or nothing. The first and the last word must give a letter.
   */
  private static boolean align(String letters, int li, List<String> words, int wi, boolean first) {
    if (wi == words.size()) {
      return li == letters.length();
    }
    String word = words.get(wi);
    boolean last = wi == words.size() - 1;
    if (JOINERS.contains(word) && !first && !last && align(letters, li, words, wi + 1, false)) {
      return true;
    }
    if (li >= letters.length() || word.charAt(0) != letters.charAt(li)) {
      return false;
    }
    // The initial, then as many more letters of this word, in order, as the rest needs.
    int at = 1;
    for (int next = li + 1; ; next++) {
      if (align(letters, next, words, wi + 1, false)) {
        return true;
      }
      if (next >= letters.length()) {
        return false;
      }
      int found = word.indexOf(letters.charAt(next), at);
      if (found < 0) {
        return false;
      }
      at = found + 1;
    }
  }
}
