package app.essayqa.cli;

/**
 * How console text is decorated: ANSI emphasis for a person at a terminal, nothing at all when the
 * output goes to a pipe, a file or a test.
 */
enum Style {
  PLAIN,
  ANSI;

  String bold(String text) {
    return this == ANSI ? "\u001b[1m" + text + "\u001b[22m" : text;
  }

  String faint(String text) {
    return this == ANSI ? "\u001b[2m" + text + "\u001b[22m" : text;
  }
}
