package io.vela4j.model;

import java.util.List;

/** Input that could not be read: syntax, encoding, limits, or a document of the wrong shape. */
public class ReadException extends VelaException {
  private static final long serialVersionUID = 1L;

  /** An exception listing every diagnostic found (errors first in the message). */
  public ReadException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }
}
