package app.essayqa.launcher;

import app.essayqa.error.IoReason;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Standard output that says when its reader went away. {@code System.out} and {@code PrintWriter}
 * swallow write errors, so {@code ask --file many.txt | head -c 100} answered every question into a
 * closed pipe and exited 0. Here the first failed write throws {@link Closed}, which stops the
 * command; the launcher then exits quietly, as {@code rg} does. Every later write throws again, so
 * a loop that catches the first one and prints an error cannot carry on.
 */
final class StandardOutput extends FilterOutputStream {
  /** The reader of standard output is gone (a closed pipe), or writing to it failed. */
  static final class Closed extends RuntimeException {
    // Never serialised; the field only answers -Xlint:serial, which -Werror turns into an error.
    private static final long serialVersionUID = 1L;

    private final boolean pipe;

    Closed(IOException cause, boolean pipe) {
      super("cannot write to standard output: " + IoReason.of(cause), cause);
      this.pipe = pipe;
    }

    /** Whether the reader closed the pipe: the usual, quiet end of {@code ... | head}. */
    boolean brokenPipe() {
      return pipe;
    }
  }

  private Closed failure;

  StandardOutput(OutputStream out) {
    super(out);
  }

  /** UTF-8 text over {@code out}, flushed on each line break. */
  static PrintWriter writer(OutputStream out) {
    return new PrintWriter(
        new OutputStreamWriter(new StandardOutput(out), StandardCharsets.UTF_8), true);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    check();
    try {
      out.write(bytes, offset, length);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() {
    check();
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private void check() {
    if (failure != null) {
      throw failure;
    }
  }

  private Closed failed(IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    failure = new Closed(e, message.contains("broken pipe") || message.contains("pipe is being"));
    return failure;
  }
}
