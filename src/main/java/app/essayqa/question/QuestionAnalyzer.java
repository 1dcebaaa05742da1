package app.essayqa.question;

import app.essayqa.index.TermAnalyzer;
import app.essayqa.index.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question stage: reads a cleaned question once into a {@link Question} (terms, names, the kind
 * of answer, its focus, its scope and whether it follows up the previous answer) that retrieval,
 * abstention and composition all read. Every word it keys on comes from a {@link WordList} or from
 * the library's own {@link Vocabulary}. Thread-safe.
 */
public final class QuestionAnalyzer {
  private static final Pattern NAME_RUN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}'’.-]*(\\s+\\p{Lu}[\\p{L}\\p{N}'’.-]*)*");
  private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,}s?\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(1\\d\\d\\d|20\\d\\d)\\b");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

  /** "What nationality…", "Which university…", "At what age…". */
  private static final Pattern FOCUS_AFTER =
      Pattern.compile("\\b(?:what|which)\\s+(?:kind of |sort of |type of )?([\\p{L}-]+)");

  /** "What is the nationality of…", "What was her job". */
  private static final Pattern FOCUS_OF =
      Pattern.compile(
          "\\b(?:what|which)\\s+(?:is|was|are|were)\\s+(?:the|his|her|their|its|the \\p{L}+'s)\\s+"
              + "([\\p{L}-]+)");

  /** "Who was South Korea's president", "who is the director of": the role a who-question asks. */
  private static final Pattern FOCUS_ROLE =
      Pattern.compile(
          "^(?:and )?who (?:is|was|are|were) (?:the |a |an )?(?:[\\p{L}-]+(?: [\\p{L}-]+)?'s )?("
              + WordList.PERSON_NOUNS.alternation()
              + "|"
              + WordList.TITLES.alternation()
              + ")\\b");

  private final TermAnalyzer analyzer;
  private final Vocabulary vocabulary;
  private final Set<String> authors;
  private final Map<WordList, Set<String>> listTerms;

  /**
   * @param analyzer turns text into terms, with the question-framing words as extra stop words
   * @param vocabulary the library's terms and names
   * @param authors the library's authors' names, lower case, from bylines
   */
  public QuestionAnalyzer(TermAnalyzer analyzer, Vocabulary vocabulary, Set<String> authors) {
    this.analyzer = analyzer;
    this.vocabulary = vocabulary;
    this.authors = Set.copyOf(authors);
    // Analysed once: every question compares its terms with these.
    this.listTerms = new EnumMap<>(WordList.class);
    for (WordList list : WordList.values()) {
      Set<String> analysed = new HashSet<>();
      list.entries().forEach(e -> analysed.addAll(analyzer.terms(e)));
      listTerms.put(list, Set.copyOf(analysed));
    }
  }

  /**
   * @param shown the question as typed
   * @param text the cleaned question
   * @param previous the previous turn's question and the paragraphs its quotes came from, if it
   *     quoted anything
   */
  public Question analyse(String shown, String text, Optional<Turn> previous) {
    List<String> terms = distinct(analyzer.questionTerms(text));
    List<String> names = names(text);
    Scope scope = scope(text, terms, names, previous.isPresent());
    FollowUp followUp =
        scope == Scope.FACT || scope == Scope.CONTINUE
            ? FollowUps.classify(text, terms, names, previous.isPresent())
            : FollowUp.STANDALONE;
    if (followUp == FollowUp.CONTINUE) {
      scope = Scope.CONTINUE;
    } else if (scope == Scope.CONTINUE) {
      scope = Scope.FACT;
    }
    String asked = text;
    List<String> allTerms = terms;
    if (followUp == FollowUp.ANAPHORA || followUp == FollowUp.ELLIPSIS) {
      Turn turn = previous.orElseThrow();
      asked = text + " " + turn.question();
      allTerms = distinct(concat(terms, analyzer.questionTerms(turn.question())));
      names = concatDistinct(names, names(turn.question()));
    }
    Optional<Turn> leansOn = followUp == FollowUp.STANDALONE ? Optional.empty() : previous;
    List<String> nameTerms = new ArrayList<>();
    names.forEach(n -> nameTerms.addAll(analyzer.questionTerms(n)));
    List<String> predicate = allTerms.stream().filter(t -> !nameTerms.contains(t)).toList();
    // Within its scope, the words that chose the scope ("author", "photo") are framing too.
    if (scope == Scope.AUTHOR) {
      predicate =
          termsBeyond(
              predicate,
              WordList.AUTHOR_WORDS,
              WordList.BIOGRAPHY_WORDS,
              WordList.PLACE_NOUNS,
              WordList.PERSON_NOUNS);
    } else if (scope == Scope.PICTURE) {
      predicate = termsBeyond(predicate, WordList.PICTURE_WORDS);
    }
    List<String> unknown = names.stream().filter(n -> !known(n)).toList();
    return new Question(
        shown,
        asked,
        allTerms,
        names,
        unknown,
        predicate,
        AnswerKind.of(text),
        focus(text),
        scope,
        followUp,
        leansOn);
  }

  /** A standalone question of {@code text}, for callers without a conversation. */
  public Question analyse(String text) {
    return analyse(text, text, Optional.empty());
  }

  /**
   * The names a question mentions: runs of capitalised words (a leading title dropped), acronyms
   * and years; and, when the asker typed everything in one case, the words the library only ever
   * writes capitalised ("who is kei koga").
   */
  List<String> names(String text) {
    Set<String> names = new LinkedHashSet<>();
    boolean caseCarriesSignal = caseCarriesSignal(text);
    if (caseCarriesSignal) {
      Matcher m = NAME_RUN.matcher(text);
      while (m.find()) {
        List<String> words =
            new ArrayList<>(List.of(m.group().replaceAll("['’]s$|[.]$", "").split("\\s+")));
        // The first word of a question is capitalised anyway: a name only if the library writes
        // it so mid-sentence.
        if (startsSentence(text, m.start())
            && (WordList.QUESTION_WORDS.contains(words.get(0))
                || !vocabulary.isNameWord(words.get(0)))) {
          words.remove(0);
        }
        while (words.size() > 1 && WordList.TITLES.contains(words.get(0))) {
          words.remove(0);
        }
        String run = String.join(" ", words);
        if (run.codePointCount(0, run.length()) >= 2 && !WordList.FIRST_PERSON.contains(run)) {
          names.add(run);
        }
      }
      Matcher acronym = ACRONYM.matcher(text);
      while (acronym.find()) {
        String a = acronym.group();
        if (names.stream().noneMatch(n -> n.contains(a))) {
          names.add(a);
        }
      }
    } else {
      Matcher w = WORD.matcher(text);
      while (w.find()) {
        String word = w.group();
        if (vocabulary.isNameWord(word)
            && !WordList.QUESTION_WORDS.contains(word)
            && !WordList.TITLES.contains(word)) {
          names.add(word);
        }
      }
    }
    Matcher year = YEAR.matcher(text);
    while (year.find()) {
      names.add(year.group());
    }
    return List.copyOf(names);
  }

  /** Whether {@code at} is the first word of a sentence of {@code text}. */
  private static boolean startsSentence(String text, int at) {
    String before = text.substring(0, at).stripTrailing();
    return before.isEmpty() || ".?!:;\"".indexOf(before.charAt(before.length() - 1)) >= 0;
  }

  /**
   * Whether capitals in {@code text} mark names: not when it is all one case, nor when every word
   * is capitalised ("Who Wrote The Essay?").
   */
  private static boolean caseCarriesSignal(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    long capitalised = words.stream().filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
    boolean oneCase =
        text.equals(text.toLowerCase(Locale.ROOT)) || text.equals(text.toUpperCase(Locale.ROOT));
    return !oneCase && !(words.size() >= 3 && capitalised == words.size());
  }

  /** Whether a name's every term occurs in the library. */
  private boolean known(String name) {
    for (String word : name.split("\\s+")) {
      // A compound is known by any of its parts: "Sino-American" by "American".
      boolean wordKnown = false;
      for (String part : word.split("-")) {
        // A version or model number does not make a new name: "GPLv3" is the GPL's.
        String base = part.replaceFirst("(?i)(?<=\\p{L})v?\\d+(\\.\\d+)*$", "");
        List<String> terms = analyzer.terms(base.isEmpty() ? part : base);
        wordKnown |= terms.isEmpty() || terms.stream().allMatch(vocabulary::knows);
      }
      if (!wordKnown) {
        return false;
      }
    }
    return true;
  }

  private Scope scope(String text, List<String> terms, List<String> names, boolean hasPrevious) {
    if (hasPrevious && FollowUps.isContinuation(text)) {
      return Scope.CONTINUE;
    }
    List<String> words = lowerWords(text);
    boolean picture = words.stream().anyMatch(WordList.PICTURE_WORDS::contains);
    if (picture) {
      return Scope.PICTURE;
    }
    boolean authorWord = words.stream().anyMatch(WordList.AUTHOR_WORDS::contains);
    boolean biography = words.stream().anyMatch(WordList.BIOGRAPHY_WORDS::contains);
    boolean namesAuthor =
        !names.isEmpty()
            && names.stream().allMatch(n -> authors.stream().anyMatch(a -> a.contains(lower(n))));
    // The noun of the answer ("which country") is no subject of its own.
    List<String> own =
        termsBeyond(
            terms,
            WordList.AUTHOR_WORDS,
            WordList.BIOGRAPHY_WORDS,
            WordList.PLACE_NOUNS,
            WordList.PERSON_NOUNS);
    if (authorWord && (names.isEmpty() || namesAuthor) && own.size() <= 1) {
      return Scope.AUTHOR;
    }
    List<String> nameTerms = new ArrayList<>();
    names.forEach(n -> nameTerms.addAll(analyzer.questionTerms(n)));
    boolean asksNothingElse = own.stream().allMatch(nameTerms::contains);
    if (namesAuthor && (biography || asksNothingElse)) {
      return Scope.AUTHOR;
    }
    boolean unresolvedPerson =
        !hasPrevious
            && (words.contains("she")
                || words.contains("he")
                || words.contains("her")
                || words.contains("his"));
    if (unresolvedPerson && names.isEmpty() && (biography || own.isEmpty())) {
      return Scope.AUTHOR;
    }
    boolean overview =
        words.stream().anyMatch(WordList.OVERVIEW_WORDS::contains)
            || WordList.OVERVIEW_WORDS.entries().stream()
                .filter(e -> e.contains(" "))
                .anyMatch(e -> lower(text).contains(e));
    if (overview
        && termsBeyond(terms, WordList.OVERVIEW_WORDS, WordList.DOCUMENT_WORDS).isEmpty()) {
      return Scope.OVERVIEW;
    }
    return Scope.FACT;
  }

  /** The terms left once the words of {@code lists} are taken out. */
  private List<String> termsBeyond(List<String> terms, WordList... lists) {
    return terms.stream()
        .filter(t -> Arrays.stream(lists).noneMatch(list -> listTerms.get(list).contains(t)))
        .toList();
  }

  private Optional<String> focus(String text) {
    String lower = lower(text);
    Matcher role = FOCUS_ROLE.matcher(lower);
    if (role.find()) {
      return Optional.of(role.group(1));
    }
    for (Pattern p : List.of(FOCUS_OF, FOCUS_AFTER)) {
      Matcher m = p.matcher(lower);
      if (m.find()) {
        String noun = m.group(1);
        boolean framing =
            WordList.QUESTION_WORDS.contains(noun)
                || WordList.TIME_UNITS.contains(noun)
                || WordList.DOCUMENT_WORDS.contains(noun)
                || WordList.PERSON_NOUNS.contains(noun)
                || WordList.PLACE_NOUNS.contains(noun)
                || analyzer.questionTerms(noun).isEmpty();
        if (!framing) {
          return Optional.of(noun);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> lowerWords(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(lower(text));
    while (m.find()) {
      words.add(m.group().replaceAll("['’]s?$", ""));
    }
    return words;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static List<String> distinct(List<String> terms) {
    return List.copyOf(new LinkedHashSet<>(terms));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> concatDistinct(List<String> a, List<String> b) {
    return distinct(concat(a, b));
  }
}
