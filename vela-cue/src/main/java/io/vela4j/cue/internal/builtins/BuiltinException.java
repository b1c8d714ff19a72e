package io.vela4j.cue.internal.builtins;

/**
 * A builtin function rejected its arguments or failed; the message follows CUE's wording where
 * practical (for example {@code strconv.Atoi: parsing "x": invalid syntax}).
 */
public final class BuiltinException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, in CUE's wording where practical
   */
  public BuiltinException(String message) {
    this(message, false);
  }

  private final boolean limit;

  private BuiltinException(String message, boolean limit) {
    super(message);
    this.limit = limit;
  }

  /**
   * An error saying that the result would exceed one of the evaluation's limits ({@link
   * ResultLimits}).
   *
   * @param message what was exceeded, naming the {@code CueCompiler.Limits} setting
   * @return the exception
   */
  public static BuiltinException limit(String message) {
    return new BuiltinException(message, true);
  }

  /**
   * Whether the call stopped at a limit rather than failing on its arguments.
   *
   * @return true for a limit error
   */
  public boolean isLimit() {
    return limit;
  }
}
