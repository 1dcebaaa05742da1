package app.essayqa.eval;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn with carriage returns. Only for terminals: piped or captured
 * output gets nothing, so logs and CI output stay clean.
 */
final class Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private int lastDrawn = -1;

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static Progress off() {
    return new Progress(new PrintWriter(PrintWriter.nullWriter()), false);
  }

  void update(String label, int done, int total) {
    if (!enabled || total <= 0) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / total);
    // Redraw only when the bar moves or the run ends: thousands of redraws slow a terminal.
    if (filled == lastDrawn && done != total) {
      return;
    }
    lastDrawn = filled;
    err.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total);
    err.flush();
  }

  void finish() {
    if (enabled && lastDrawn >= 0) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      err.flush();
    }
    lastDrawn = -1;
  }
}
