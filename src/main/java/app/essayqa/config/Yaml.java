package app.essayqa.config;

/** What the configuration file and the eval suites share in reading YAML. */
public final class Yaml {
  private Yaml() {}

  /**
   * SnakeYAML's message spans lines: the problem, then "in reader, line ..." and a caret drawing.
   * Keeps the sentences and drops the drawing, so an error stays one line.
   */
  public static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return String.join(
        ": ",
        message
            .lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .map(String::strip)
            .toList());
  }
}
