package io.vela4j.dispatch;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a dispatch request, a placement file or a plan is invalid, or when a plan could not
 * be delivered. It carries every {@link Diagnostic} found (with field path or file:line:column,
 * expected and found), so a caller can show all problems at once.
 */
public class DispatchException extends VelaException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception listing the given diagnostics.
   *
   * @param diagnostics the problems, at least one
   */
  public DispatchException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }

  /**
   * An exception with a single diagnostic.
   *
   * @param diagnostic the problem
   */
  public DispatchException(Diagnostic diagnostic) {
    super(diagnostic);
  }

  /**
   * An exception with an explicit message, diagnostics and cause (for adapters that deliver plans).
   *
   * @param message the message
   * @param diagnostics the problems
   * @param cause the underlying failure, or {@code null}
   */
  public DispatchException(
      String message, List<Diagnostic> diagnostics, @Nullable Throwable cause) {
    super(message, diagnostics, cause);
  }
}
