package io.vela4j.cue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when CUE source does not compile or a value cannot be validated or exported. Carries every
 * error found; {@link #getMessage()} renders them one per line as {@code file:line:column:
 * message}.
 */
public final class CueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<CueError> errors;

  /**
   * Creates an exception carrying the given errors.
   *
   * @param errors at least one error
   * @throws IllegalArgumentException if {@code errors} is empty
   */
  public CueException(List<CueError> errors) {
    super(render(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  /**
   * Creates an exception carrying one error.
   *
   * @param error the error
   */
  public CueException(CueError error) {
    this(List.of(error));
  }

  /**
   * Returns the errors, in the order they were found.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<CueError> errors() {
    return errors;
  }

  private static String render(List<CueError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a CueException needs at least one error");
    }
    return errors.stream().map(CueError::format).collect(Collectors.joining("\n"));
  }
}
