package app.essayqa.cli;

import app.essayqa.answer.Answer;
import app.essayqa.answer.Citation;
import app.essayqa.answer.Evidence;
import app.essayqa.answer.Generation;
import app.essayqa.answer.Judgement;
import app.essayqa.answer.ShortAnswer;
import app.essayqa.ingest.Document;
import app.essayqa.ingest.Library;
import app.essayqa.ingest.Paragraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Renders answers for people: the answer, its sources, the full passages, the ranking evidence. */
final class AnswerView {
  private static final String INDENT = "    ";

  private final Style style;
  private final int width;

  /**
   * @param width the column to wrap at; 0 leaves lines as they are (pipes, files, {@code ask})
   */
  AnswerView(Style style, int width) {
    this.style = style;
    this.width = width;
  }

  /** The answer text, then its sources; or, when the essay does not say, the nearest topics. */
  String answer(Answer answer) {
    String first =
        answer
            .shortAnswer()
            .filter(s -> quoted(answer, s))
            .map(s -> style.bold(wrap(clean(s.marked()), "")) + "\n")
            .orElse("");
    return first + style.bold(wrap(clean(answer.text()), "")) + "\n" + afterText(answer);
  }

  /** A short answer is shown only when it is a substring of the quote it cites. */
  private static boolean quoted(Answer answer, ShortAnswer span) {
    return answer.citations().stream()
        .anyMatch(c -> c.n() == span.citation() && c.quote().contains(span.text()));
  }

  /** One sentence of an answer as it streams in: bold like the whole text, never wrapped. */
  String streamed(String sentence) {
    return style.bold(clean(sentence));
  }

  /**
   * What follows the answer's text: the note on a language model's answer that was not used or was
   * cut, then the sources, or, when the essay does not say, the nearest topics.
   */
  String afterText(Answer answer) {
    StringBuilder out = new StringBuilder();
    answer
        .generation()
        .ifPresent(
            g -> {
              if (g.notice().isPresent()) {
                out.append(style.faint(wrap(clean(g.notice().get()), ""))).append('\n');
              } else if (!g.dropped().isEmpty()) {
                int n = g.dropped().size();
                out.append(
                        style.faint(
                            wrap(
                                n
                                    + (n == 1 ? " sentence" : " sentences")
                                    + " of the language model's answer left out: its citation or"
                                    + " quote did not check out (:debug shows it).",
                                "")))
                    .append('\n');
              }
            });
    if (answer.abstained()) {
      // The facade may already name the topics in its statement; say them once.
      boolean named = answer.nearestTopics().stream().allMatch(answer.text()::contains);
      if (!answer.nearestTopics().isEmpty() && !named) {
        out.append('\n').append("Topics the essay does cover:").append('\n');
        for (String topic : answer.nearestTopics()) {
          out.append("  - ")
              .append(wrap(clean(topic), INDENT).substring(INDENT.length()))
              .append('\n');
        }
      }
      return out.toString();
    }
    if (answer.citations().isEmpty()) {
      return out.toString();
    }
    // One document (the usual case): name it once in the heading, not on every source.
    boolean oneDocument =
        answer.citations().stream().map(Citation::document).distinct().count() == 1;
    Citation first = answer.citations().get(0);
    String heading =
        oneDocument
            ? "Sources from " + title(first) + " (" + clean(first.document()) + "):"
            : "Sources:";
    out.append('\n').append(style.faint(wrap(heading, ""))).append('\n');
    // Sources the answer marks come first; the other top passages follow as further reading.
    List<Citation> marked = new ArrayList<>();
    List<Citation> others = new ArrayList<>();
    for (Citation c : answer.citations()) {
      (answer.text().contains("[" + c.n() + "]") ? marked : others).add(c);
    }
    appendSources(out, marked, oneDocument);
    if (!others.isEmpty()) {
      out.append(style.faint("Also relevant:")).append('\n');
      appendSources(out, others, oneDocument);
    }
    return out.toString();
  }

  private void appendSources(StringBuilder out, List<Citation> citations, boolean oneDocument) {
    for (Citation c : citations) {
      String header = citationLine(c);
      if (!oneDocument) {
        header += style.faint(" — " + title(c) + " (" + clean(c.document()) + ")");
      }
      // Continuation lines line up under the text after "[n] ", as the quote below does.
      out.append(Text.wrap(header, width, "  ", INDENT + "  ")).append('\n');
      out.append(wrap("\"" + clean(c.quote()) + "\"", INDENT)).append('\n');
    }
  }

  /**
   * {@code :sources} — the whole paragraph behind the last answer's citations, once per paragraph,
   * with the quoted sentences in bold at a terminal.
   */
  String sources(Answer answer, Library library) {
    if (answer.citations().isEmpty()) {
      return "The last answer quoted no sources.\n\n";
    }
    Map<String, List<Citation>> byParagraph = new LinkedHashMap<>();
    for (Citation c : answer.citations()) {
      byParagraph
          .computeIfAbsent(c.document() + "#" + c.paragraph(), k -> new ArrayList<>())
          .add(c);
    }
    StringBuilder out = new StringBuilder();
    for (List<Citation> cited : byParagraph.values()) {
      Citation c = cited.get(0);
      out.append("  ");
      cited.forEach(x -> out.append(style.bold("[" + x.n() + "]")));
      String section =
          c.section() == null || c.section().isBlank() ? "" : clean(c.section()) + ", ";
      out.append(' ').append(section);
      c.page().ifPresent(page -> out.append("p. ").append(page).append(", "));
      out.append('¶').append(c.paragraph());
      if (library.documents().size() > 1) {
        out.append(style.faint(" — " + title(c) + " (" + clean(c.document()) + ")"));
      }
      out.append('\n');
      Optional<Paragraph> paragraph =
          library.document(c.document()).flatMap(d -> d.paragraph(c.paragraph()));
      if (paragraph.isEmpty()) {
        // The library and the index disagree only if the seeds changed under a running program.
        out.append(INDENT).append("(paragraph ").append(c.paragraph()).append(" not found)\n");
      } else {
        out.append(wrap(highlight(paragraph.get(), cited), INDENT)).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** {@code :debug} — why each candidate passage ranked where it did, and where the time went. */
  String debug(Answer answer) {
    StringBuilder out = new StringBuilder();
    out.append(
            style.faint(clean("index " + answer.indexVersion() + ", timings " + timings(answer))))
        .append('\n');
    if (answer.evidence().isEmpty()) {
      return out.append("No passages were ranked for this question.\n").toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%4s  %-28s %7s %8s %7s %8s %6s  %s%n",
            "rank",
            "passage",
            "dense",
            "bm25",
            "tokens",
            "fused",
            "score",
            "matched terms"));
    for (Evidence e : answer.evidence()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%4d  %-28s %7.3f %8.3f %7.3f %8.4f %6s  %s%n",
              e.rank(),
              clean(Text.abbreviate(shortLocator(e.locator()), 28)),
              e.dense(),
              e.bm25(),
              e.late(),
              e.fused(),
              score(e),
              clean(e.matchedTerms().isEmpty() ? "-" : String.join(", ", e.matchedTerms()))));
      out.append(style.faint(INDENT + "  " + clean(Text.abbreviate(e.text(), lineRoom()))))
          .append('\n');
    }
    answer.generation().ifPresent(g -> out.append(generation(g)));
    return out.toString();
  }

  /** The passage's ordering score from the decision model, "-" where none was given. */
  private static String score(Evidence e) {
    return e.judgement()
        .map(Judgement::score)
        .filter(OptionalDouble::isPresent)
        .map(v -> String.format(Locale.ROOT, "%.3f", v.getAsDouble()))
        .orElse("-");
  }

  /** How the language model's answer was made and checked. */
  private String generation(Generation g) {
    StringBuilder out = new StringBuilder("\n");
    out.append(
            String.format(
                Locale.ROOT,
                "language model %s: %d call%s, %d ms, tokens in %d / out %d, checks %d µs",
                clean(g.model()),
                g.attempts(),
                g.attempts() == 1 ? "" : "s",
                g.modelMs(),
                g.tokensIn(),
                g.tokensOut(),
                g.verifyMicros()))
        .append('\n');
    out.append(INDENT).append("asked: ").append(clean(g.question())).append('\n');
    out.append(INDENT)
        .append(
            String.format(
                Locale.ROOT,
                "checked: %d of %d citations verified, %d quotes compared with their passages",
                g.citationsVerified(),
                g.citationsMade(),
                g.quotesChecked()))
        .append('\n');
    for (String d : g.dropped()) {
      out.append(wrap("dropped: " + clean(d), INDENT)).append('\n');
    }
    g.fallback()
        .ifPresent(
            why ->
                out.append(wrap("fell back to the extractive answer: " + clean(why), INDENT))
                    .append('\n'));
    return out.toString();
  }

  /** The line that introduces one source: number, section, locator and character offsets. */
  private String citationLine(Citation c) {
    // Text before the first heading has the title as its section; the heading names it already.
    boolean untitled =
        c.section() == null || c.section().isBlank() || c.section().equals(c.title());
    String section = untitled ? "" : clean(c.section()) + ", ";
    return style.bold("[" + c.n() + "]")
        + " "
        + section
        + c.locator()
        + style.faint(", characters " + c.start() + "–" + c.end());
  }

  private static String title(Citation c) {
    return clean(c.title() == null || c.title().isBlank() ? c.document() : c.title());
  }

  /** Marks the quoted sentences inside their paragraph, when the terminal can show emphasis. */
  private String highlight(Paragraph paragraph, List<Citation> cited) {
    String text = paragraph.text();
    if (style == Style.PLAIN) {
      return clean(text);
    }
    List<Citation> inOrder = new ArrayList<>(cited);
    inOrder.sort(java.util.Comparator.comparingInt(Citation::start));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Citation c : inOrder) {
      int from = c.start() - paragraph.start();
      int to = c.end() - paragraph.start();
      if (from < at || to > text.length() || from >= to) {
        continue; // overlapping or outside the paragraph: leave unmarked rather than garble
      }
      out.append(clean(text.substring(at, from)))
          .append(style.bold(clean(text.substring(from, to))));
      at = to;
    }
    return out.append(clean(text.substring(at))).toString();
  }

  /** "essay.txt ¶6.1" → "¶6.1": the file name is in every answer's sources already. */
  private static String shortLocator(String locator) {
    int mark = locator.indexOf('¶');
    return mark > 0 ? locator.substring(mark) : locator;
  }

  /**
   * Text from the essay or the user, made safe to print: a question carrying ANSI escapes must not
   * recolour the terminal. Applied to each piece before our own emphasis is added.
   */
  private static String clean(String text) {
    return Text.printable(text);
  }

  private String wrap(String text, String indent) {
    return Text.wrap(text, width, indent);
  }

  private int lineRoom() {
    return width > 0 ? Math.max(40, width - INDENT.length() - 2) : 100;
  }

  private static String timings(Answer answer) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Long> t : answer.timingsMs().entrySet()) {
      out.append(out.length() == 0 ? "" : ", ")
          .append(t.getKey())
          .append(' ')
          .append(t.getValue())
          .append(" ms");
    }
    return out.length() == 0 ? "none" : out.toString();
  }

  /** The banner's description of the library: each document's title and author, wrapped. */
  /** Up to this many documents are listed one per line in the banner. */
  static final int LISTED_DOCUMENTS = 5;

  static String describe(Library library, int width) {
    StringBuilder out = new StringBuilder();
    if (library.documents().size() > LISTED_DOCUMENTS) {
      // A folder of hundreds of files is summarised; `:sources` after an answer names its own.
      long passages =
          library.documents().stream()
              .flatMap(d -> d.paragraphs().stream())
              .filter(p -> p.kind().searchable())
              .mapToLong(p -> p.sentences().size())
              .sum();
      String line =
          library.documents().size()
              + " documents, "
              + passages
              + " passages, from "
              + library.documents().get(0).title()
              + " to "
              + library.documents().get(library.documents().size() - 1).title();
      return Text.wrap(Text.printable(line), width, "  ") + "\n";
    }
    for (Document d : library.documents()) {
      String line =
          d.title()
              + d.author().map(a -> ", by " + a).orElse("")
              + " ("
              + d.paragraphs().size()
              + (d.paragraphs().size() == 1 ? " paragraph)" : " paragraphs)");
      out.append(Text.wrap(Text.printable(line), width, "  ")).append('\n');
    }
    return out.toString();
  }
}
