package app.essayqa.index;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the library's words are: every analysed term of every document, and the words the documents
 * write capitalised inside a sentence (names: "Koga", "Seoul"), so the question stage can tell a
 * name the library uses from one it never mentions, whatever case the asker typed. Built once per
 * library; immutable and thread-safe.
 */
public final class Vocabulary {
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");

  private final Set<String> terms;
  private final Set<String> nameWords;

  private Vocabulary(Set<String> terms, Set<String> nameWords) {
    this.terms = Set.copyOf(terms);
    this.nameWords = Set.copyOf(nameWords);
  }

  /** The vocabulary of every document in {@code library}, analysed by {@code analyzer}. */
  public static Vocabulary of(Library library, TermAnalyzer analyzer) {
    Set<String> terms = new HashSet<>();
    Set<String> capitalised = new HashSet<>();
    Set<String> lowerCase = new HashSet<>();
    for (Document d : library.documents()) {
      terms.addAll(analyzer.terms(d.text()));
      collectWords(d.text(), capitalised, lowerCase);
    }
    capitalised.removeAll(lowerCase);
    return new Vocabulary(terms, capitalised);
  }

  /** A vocabulary of the given terms and name words, for tests. */
  public static Vocabulary of(Set<String> terms, Set<String> nameWords) {
    return new Vocabulary(terms, nameWords);
  }

  /** Whether an analysed term occurs anywhere in the library. */
  public boolean knows(String term) {
    return terms.contains(term);
  }

  /** Whether {@code word} (any case) is written capitalised mid-sentence somewhere. */
  public boolean isNameWord(String word) {
    return nameWords.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * Sorts words into those capitalised after the first word of a sentence and those written in
   * lower case; a name word is one the text only ever capitalises ("Koga", not "Ahead" of a heading
   * that also says "ahead" in a sentence).
   */
  private static void collectWords(String text, Set<String> capitalised, Set<String> lowerCase) {
    Matcher m = WORD.matcher(text);
    boolean sentenceStart = true;
    int last = 0;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      if (gap.contains(".")
          || gap.contains("\n")
          || gap.contains("?")
          || gap.contains("!")
          || gap.contains(":")
          || gap.contains("“")
          || gap.contains("\"")) {
        sentenceStart = true;
      }
      String word = m.group().replaceAll("['’]s?$", "");
      if (Character.isLowerCase(word.codePointAt(0))) {
        lowerCase.add(word);
      } else if (!sentenceStart && word.length() > 1) {
        capitalised.add(word.toLowerCase(Locale.ROOT));
      }
      sentenceStart = false;
      last = m.end();
    }
  }
}
