package app.essayqa.index;

/**
 * The heap ran out while one file was being indexed. Thrown in place of the {@link
 * OutOfMemoryError} once the work on that file is unwound, so the launcher can say in one line
 * which file and how to give the program more room; nothing of the file was written, so the next
 * start indexes it again.
 */
public final class IndexMemoryExhausted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long chars;

  public IndexMemoryExhausted(String file, long chars) {
    super(
        "out of memory while indexing " + file + " (" + chars + " characters)", null, false, false);
    this.file = file;
    this.chars = chars;
  }

  /** The seed file being indexed when memory ran out. */
  public String file() {
    return file;
  }

  /** Its length in characters. */
  public long chars() {
    return chars;
  }
}
