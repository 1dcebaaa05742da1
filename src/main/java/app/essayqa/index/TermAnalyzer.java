package app.essayqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's English analysis (lower case, stop words, possessives, Porter stems), the one place text
 * becomes terms, so BM25, term coverage and vocabulary checks agree. Questions drop more words than
 * documents: the words that frame a question ("what", "how many", "does the essay say") tell
 * nothing about where the answer is, and "how" would even match "Howe" after stemming. The question
 * stage owns that word list and hands it in. Thread-safe.
 */
public final class TermAnalyzer implements AutoCloseable {
  private final Analyzer documents = new EnglishAnalyzer();
  private final Analyzer questions;

  /**
   * @param questionWords the words that frame a question, dropped from questions beside Lucene's
   *     English stop words (the question stage's {@code WordList.QUESTION_WORDS})
   */
  public TermAnalyzer(Collection<String> questionWords) {
    CharArraySet stops = CharArraySet.copy(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stops.addAll(questionWords);
    questions = new EnglishAnalyzer(stops);
  }

  public Analyzer lucene() {
    return documents;
  }

  /** The terms of document text in order, repeats kept. */
  public List<String> terms(String text) {
    return analyse(documents, text);
  }

  /** The terms of a question in order, repeats kept, question-framing words left out. */
  public List<String> questionTerms(String text) {
    return analyse(questions, text);
  }

  private static List<String> analyse(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: the text is in memory
    }
    return terms;
  }

  @Override
  public void close() {
    documents.close();
    questions.close();
  }
}
