package io.vela4j.rollout;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaException;
import java.util.List;

/**
 * An invalid rollout spec, spec file or state. It lists every problem found, each with a field path
 * (such as {@code steps[2].replicas}) and, for files, the line and column.
 */
public final class RolloutException extends VelaException {
  private static final long serialVersionUID = 1L;

  /** An exception carrying the given diagnostics (at least one). */
  public RolloutException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }
}
