package app.essayqa.launcher;

/** The process's exit codes, the same for every command; the README lists them. */
public enum ExitCode {
  /** Done: answered (an abstention is an answer), printed, or stopped on request. */
  OK(0),
  /** {@code eval}: a figure fell below (or above) its gate. */
  GATE_FAILED(1),
  /** A usage or configuration mistake, explained in one line on stderr. */
  USAGE(2),
  /** Something that is not the user's fault went wrong. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
