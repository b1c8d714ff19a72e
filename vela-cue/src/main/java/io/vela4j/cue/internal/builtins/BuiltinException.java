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
    super(message);
  }
}
