package app.essayqa.index;

import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the library's words are: every analysed term of every document, and the words the documents
 * write capitalised inside a sentence (names: "Koga", "Seoul"), so the question stage can tell a
 * name the library uses from one it never mentions, whatever case the asker typed. Each file's part
 * is stored beside its index entry ({@code KEY.vocab}), so a start analyses only new or changed
 * files, not every document. Immutable and thread-safe.
 */
public final class Vocabulary {
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");
  private static final int MAGIC = 0x45515643; // "EQVC"
  private static final String CODE = Hashes.ofClasses(Vocabulary.class);

  /**
   * One document's words: its analysed terms, and its words written capitalised or in lower case.
   */
  private record Part(Set<String> terms, Set<String> capitalised, Set<String> lowerCase) {}

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

  /**
   * The vocabulary of the library's files, each file's part read from beside its entry in {@code
   * folder} or analysed (and stored) when missing.
   */
  public static Vocabulary of(
      List<EssayIndex.FilePart> files, Library library, TermAnalyzer analyzer, Path folder) {
    Map<String, Document> byId =
        library.documents().stream().collect(Collectors.toMap(Document::id, d -> d, (a, b) -> a));
    Set<String> terms = new HashSet<>();
    Set<String> capitalised = new HashSet<>();
    Set<String> lowerCase = new HashSet<>();
    for (EssayIndex.FilePart file : files) {
      Path entry = folder.resolve(file.key() + ".vocab");
      Part part = read(entry);
      if (part == null) {
        Document d = byId.get(file.documentId());
        if (d == null) {
          continue;
        }
        part = analyse(d, analyzer);
        write(folder, entry, part);
      }
      terms.addAll(part.terms());
      capitalised.addAll(part.capitalised());
      lowerCase.addAll(part.lowerCase());
    }
    capitalised.removeAll(lowerCase);
    return new Vocabulary(terms, capitalised);
  }

  private static Part analyse(Document d, TermAnalyzer analyzer) {
    Set<String> capitalised = new HashSet<>();
    Set<String> lowerCase = new HashSet<>();
    collectWords(d.text(), capitalised, lowerCase);
    return new Part(new HashSet<>(analyzer.terms(d.text())), capitalised, lowerCase);
  }

  /** A stored part, or null when missing, made by other code, or unreadable. */
  private static Part read(Path entry) {
    if (!Files.isRegularFile(entry)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(CODE)) {
        return null;
      }
      return new Part(readSet(in), readSet(in), readSet(in));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Set<String> readSet(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) {
      throw new IOException("bad count " + n);
    }
    Set<String> out = new HashSet<>(n * 2);
    for (int i = 0; i < n; i++) {
      out.add(in.readUTF());
    }
    return out;
  }

  /** Stores a part; a folder that cannot be written only means analysing again next time. */
  private static void write(Path folder, Path entry, Part part) {
    try {
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, entry.getFileName().toString(), ".part");
      try {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
          out.writeInt(MAGIC);
          out.writeUTF(CODE);
          for (Set<String> set : List.of(part.terms(), part.capitalised(), part.lowerCase())) {
            out.writeInt(set.size());
            for (String s : set) {
              out.writeUTF(s);
            }
          }
        }
        Files.move(
            partial, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      // The vocabulary is still complete for this run; the next start analyses the file again.
    }
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
