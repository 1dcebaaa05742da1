package app.essayqa.ingest;

/** A seed file that cannot be read as its format; the message says why, after the file name. */
final class UnreadableFile extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableFile(String reason) {
    super(reason);
  }
}
