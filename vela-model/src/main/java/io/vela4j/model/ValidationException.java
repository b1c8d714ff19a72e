package io.vela4j.model;

import java.util.List;

/** An object that was read but breaks the rules KubeVela enforces. */
public class ValidationException extends VelaException {
  private static final long serialVersionUID = 1L;

  /** An exception listing every diagnostic found. */
  public ValidationException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }
}
