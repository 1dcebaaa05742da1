package app.essayqa.retrieve;

import app.essayqa.index.Passage;
import app.essayqa.ingest.DocumentParser;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.ParagraphKind;
import app.essayqa.question.WordList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passages that answer questions about a document rather than facts in it, found by the
 * document's structure, for any seed file: the author's bio (what follows a byline) or, lacking
 * one, the sentences that name the byline's author or state a copyright; picture credits; the
 * opening; and the sentences in the first person, the author speaking of themself. Built once per
 * library.
 */
public final class DocumentParts {
  private static final Pattern COPYRIGHT = Pattern.compile("(?i)\\bcopyright\\b|©");

  /** The opening is this many sentences of the first paragraph. */
  private static final int OPENING_SENTENCES = 2;

  private final List<Passage> authorship = new ArrayList<>();
  private final List<Passage> credits = new ArrayList<>();
  private final List<Passage> openings = new ArrayList<>();
  private final List<Passage> firstPerson = new ArrayList<>();

  public DocumentParts(Library library, List<Passage> passages) {
    Map<String, List<Passage>> byDocument = new LinkedHashMap<>();
    passages.forEach(
        p -> byDocument.computeIfAbsent(p.documentId(), d -> new ArrayList<>()).add(p));
    for (var entry : byDocument.entrySet()) {
      List<Passage> own = entry.getValue();
      String author = library.document(entry.getKey()).flatMap(d -> d.author()).orElse("").strip();
      // A picture credit under the byline is no bio: lacking one, the naming sentences answer.
      List<Passage> bio =
          own.stream()
              .filter(
                  p ->
                      p.section().equals(DocumentParser.ABOUT_AUTHOR)
                          && p.kind() != ParagraphKind.CREDIT)
              .toList();
      if (bio.isEmpty()) {
        bio =
            own.stream()
                .filter(
                    p ->
                        (!author.isEmpty() && p.text().contains(author))
                            || COPYRIGHT.matcher(p.text()).find())
                .toList();
      }
      authorship.addAll(bio.stream().filter(p -> p.kind() != ParagraphKind.CREDIT).toList());
      own.stream().filter(p -> p.kind() == ParagraphKind.CREDIT).forEach(credits::add);
      int first = own.get(0).paragraph();
      own.stream()
          .filter(p -> p.paragraph() == first && p.sentence() <= OPENING_SENTENCES)
          .forEach(openings::add);
      // The author's voice is a paragraph's, not a sentence's: "As a Southeast Asian studying
      // in Japan, ..." opens a paragraph that goes on "I believe".
      Set<Integer> voiced = new HashSet<>();
      own.stream().filter(DocumentParts::inFirstPerson).forEach(p -> voiced.add(p.paragraph()));
      own.stream().filter(p -> voiced.contains(p.paragraph())).forEach(firstPerson::add);
    }
  }

  /** Who wrote each document: the bio, or the sentences naming its author or its copyright. */
  public List<Passage> authorship() {
    return List.copyOf(authorship);
  }

  /** Picture and photo credits. */
  public List<Passage> credits() {
    return List.copyOf(credits);
  }

  /** The first sentences of each document's first paragraph, which state its subject. */
  public List<Passage> openings() {
    return List.copyOf(openings);
  }

  /** Sentences of the paragraphs in which the author speaks of themself. */
  public List<Passage> firstPerson() {
    return List.copyOf(firstPerson);
  }

  private static boolean inFirstPerson(Passage p) {
    for (String word : p.text().split("[^\\p{L}]+")) {
      if (WordList.FIRST_PERSON.contains(word.toLowerCase(Locale.ROOT))
          // A lone lower-case "i" is the "i" of "i.e." or "(i)", never the author's "I".
          && (word.length() == 1
              ? word.equals("I")
              : !word.equals(word.toUpperCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }
}
