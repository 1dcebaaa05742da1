package app.essayqa.index;

/** Told how indexing goes, file by file and batch by batch, to show it to the user. */
public interface IndexProgress {
  /** Nothing to show (tests, tools). */
  IndexProgress NONE = new IndexProgress() {};

  /**
   * Indexing starts.
   *
   * @param files how many files must be indexed (the others come from the cache)
   * @param chars their length, the measure of the work to do
   */
  default void started(int files, long chars) {}

  /** A file is parsed: the model will now run over {@code sentences} texts of it. */
  default void fileParsed(String name, long chars, int sentences) {}

  /** The model has run over {@code sentences} more sentences of the current file. */
  default void sentences(int sentences) {}

  /** A file is indexed. */
  default void fileDone(String name, long chars, int passages, long millis) {}

  /** All is indexed or read: the library holds this many documents and passages. */
  default void finished(int documents, int passages, long millis) {}
}
