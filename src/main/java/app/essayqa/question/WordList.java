package app.essayqa.question;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The general-English word lists the question stage reads, one resource per purpose under {@code
 * app/essayqa/question/}: one entry (a word or a phrase) per line, {@code #} starts a comment. No
 * entry may be there because one document or one suite question uses it; {@code WordListTest} holds
 * each list to a table of what it must and must not contain.
 */
public enum WordList {
  /** Words that frame a question ("what", "tell me") and say nothing about the answer. */
  QUESTION_WORDS("question-words"),
  /** Words naming the document itself ("essay", "article"). */
  DOCUMENT_WORDS("document-words"),
  /** Words asking who wrote it ("author", "wrote"). */
  AUTHOR_WORDS("author-words"),
  /** The first-person voice ("I", "my"). */
  FIRST_PERSON("first-person-words"),
  /** Words asking about a picture and its credit ("photo", "image"). */
  PICTURE_WORDS("picture-words"),
  /** Words asking about the whole text ("summary", "main point"). */
  OVERVIEW_WORDS("overview-words"),
  /** Whole questions asking to read on ("tell me more", "go on"). */
  CONTINUATIONS("continuations"),
  /** Pronouns and demonstratives pointing back ("he", "that"). */
  FOLLOW_UP_PRONOUNS("follow-up-pronouns"),
  /** Month names and abbreviations. */
  MONTHS("months"),
  /** Day names. */
  WEEKDAYS("weekdays"),
  /** Numbers as words, ordinals, counting words. */
  NUMBER_WORDS("number-words"),
  /** Units of time ("year", "decade"). */
  TIME_UNITS("time-units"),
  /** Titles written before a name ("Dr", "Prof"). */
  TITLES("titles"),
  /** Nouns for people and groups ("scholar", "government"). */
  PERSON_NOUNS("person-nouns"),
  /** Nouns for places ("city", "country"). */
  PLACE_NOUNS("place-nouns"),
  /** Words about a person's life and work ("background", "job"). */
  BIOGRAPHY_WORDS("biography-words"),
  /**
   * What a chat puts around a question and carries nothing of it: greetings, politeness, apologies,
   * hedges, fillers, sign-offs ("hi", "thanks", "sorry if this is silly"); {@link Chatter} takes
   * them off a question's edges.
   */
  DISCOURSE_WORDS("discourse-words"),
  /** Everyday things to ask off-topic probe questions about (Ogden's Basic English nouns). */
  OFF_TOPIC_THINGS("off-topic-things"),
  /** Everyday question forms with a {@code {}} for a thing, for off-topic probe questions. */
  OFF_TOPIC_TEMPLATES("off-topic-templates");

  private final String resource;
  private volatile Set<String> entries;

  WordList(String resource) {
    this.resource = resource;
  }

  /** The entries, lower case, in file order. */
  public Set<String> entries() {
    Set<String> loaded = entries;
    if (loaded == null) {
      loaded = load();
      entries = loaded;
    }
    return loaded;
  }

  /** Whether {@code word} (any case) is an entry. */
  public boolean contains(String word) {
    return entries().contains(word.toLowerCase(Locale.ROOT));
  }

  /** The entries as a regex alternation, longest first, for word-bounded patterns. */
  public String alternation() {
    return entries().stream()
        .sorted((a, b) -> b.length() - a.length())
        .map(Pattern::quote)
        .reduce((a, b) -> a + "|" + b)
        .orElse("(?!)");
  }

  private Set<String> load() {
    String path = resource + ".txt";
    try (InputStream in = WordList.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("word list missing from the jar: " + path);
      }
      Set<String> words = new LinkedHashSet<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          String entry = line.strip();
          if (!entry.isEmpty() && !entry.startsWith("#")) {
            words.add(entry.toLowerCase(Locale.ROOT));
          }
        }
      }
      return Collections.unmodifiableSet(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read word list " + path, e);
    }
  }
}
