package app.essayqa.cli;

import app.essayqa.Answerer;
import app.essayqa.Conversation;
import app.essayqa.answer.Answer;
import app.essayqa.answer.SentenceStream;
import app.essayqa.error.EssayQaException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The read-answer-print loop. A line that is exactly a command ({@code :help}, {@code :sources},
 * {@code :debug}, {@code :quit}) runs it; any other line is a question, so a question that merely
 * contains ":quit" is asked, not obeyed.
 */
final class Repl {
  /** A single word starting with a colon: a command, known or mistyped. */
  private static final Pattern COMMAND = Pattern.compile(":[A-Za-z?]+");

  static final String HELP =
      """
      Type a question about the essay and press Enter. Answers quote the essay; [n] marks a source.
        :more      continue: the sentences that follow the last answer
        :sources   the full paragraphs the last answer quoted
        :debug     why each passage ranked: dense and BM25 scores, fused score, matched terms
        :help      this help
        :quit      leave (or Ctrl-D); Ctrl-C clears the line you are typing
      """;

  private final Answerer source;
  private final LineSource lines;
  private Answer last;

  /** The session's answers so far: a follow-up ("Who said that?") is read against them. */
  private Conversation conversation = Conversation.empty();

  Repl(Answerer source, LineSource lines) {
    this.source = source;
    this.lines = lines;
  }

  /** A view at the width the terminal has now: a person may have resized it since the last. */
  private AnswerView view() {
    return new AnswerView(lines.style(), lines.width());
  }

  /** Runs until {@code :quit} or the end of input. */
  void run() {
    PrintWriter out = lines.writer();
    String line;
    while ((line = lines.readLine()) != null) {
      String input = line.strip();
      if (input.isEmpty()) {
        continue;
      }
      if (COMMAND.matcher(input).matches()) {
        if (!command(input.toLowerCase(Locale.ROOT), out)) {
          break;
        }
      } else {
        // The question stage decides whether it follows up the last answer, as it does for
        // Telegram; a question that stands alone is read alone.
        Conversation sofar = conversation;
        answer(stream -> source.ask(input, sofar, stream), out);
      }
      out.flush();
    }
    out.flush();
  }

  /**
   * Asks and prints. A failure is reported and the session goes on: a person should not lose their
   * REPL, and its history, to one question that tripped a bug.
   */
  private void answer(Function<SentenceStream, Answer> ask, PrintWriter out) {
    AnswerView view = view();
    StringBuilder streamed = new StringBuilder();
    // Sentences arrive already checked (answer.mode=llm); printed at once, they are never taken
    // back, only followed by a note when the model stopped and the quoted answer replaces them.
    SentenceStream stream =
        sentence -> {
          out.print((streamed.length() == 0 ? "" : " ") + view.streamed(sentence));
          out.flush();
          streamed.append(streamed.length() == 0 ? "" : " ").append(sentence);
        };
    try {
      last = ask.apply(stream);
      conversation = conversation.then(last);
      if (streamed.length() == 0) {
        out.println(view.answer(last));
      } else if (streamed.toString().equals(last.text())) {
        out.println();
        out.println(view.afterText(last));
      } else {
        out.println();
        out.println();
        out.println(view.answer(last));
      }
    } catch (EssayQaException e) {
      out.print(streamed.length() == 0 ? "" : "\n");
      out.println("error: " + Text.printable(e.getMessage()) + "\n");
    } catch (RuntimeException e) {
      out.print(streamed.length() == 0 ? "" : "\n");
      out.println(
          "internal error: " + Text.printable(e.toString()) + " (the question was skipped)\n");
    }
  }

  /** Runs one command; false means leave. */
  private boolean command(String command, PrintWriter out) {
    switch (command) {
      case ":quit", ":q", ":exit" -> {
        return false;
      }
      case ":help", ":h", ":?" -> out.println(HELP);
      case ":sources", ":s" ->
          out.print(
              last == null ? "Ask a question first.\n\n" : view().sources(last, source.library()));
      case ":debug", ":d" ->
          out.println(last == null ? "Ask a question first." : view().debug(last));
      case ":more", ":m" -> {
        if (last == null) {
          out.println("Ask a question first.");
        } else if (last.citations().isEmpty()) {
          out.println("The last answer quoted nothing to continue from.\n");
        } else {
          Conversation sofar = conversation;
          answer(stream -> source.ask("Tell me more", sofar, stream), out);
        }
      }
      default -> out.println("Unknown command " + command + "; :help lists the commands.");
    }
    return true;
  }
}
