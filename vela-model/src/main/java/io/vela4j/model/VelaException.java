package io.vela4j.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The root of Vela4J's unchecked exceptions (model, render, rollout, dispatch). It carries every
 * {@link Diagnostic} that led to it, so a caller can show all problems at once.
 */
public class VelaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** An exception with the given diagnostics; the message lists them one per line. */
  public VelaException(List<Diagnostic> diagnostics) {
    this(summary(diagnostics), diagnostics, null);
  }

  /** An exception with a single diagnostic. */
  public VelaException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** An exception with an explicit message, diagnostics and cause. */
  protected VelaException(
      String message,
      List<Diagnostic> diagnostics,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic, in the order found; never empty for exceptions thrown by Vela4J. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Only the diagnostics of severity {@link Diagnostic.Severity#ERROR}. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  static String summary(List<Diagnostic> diagnostics) {
    if (diagnostics.isEmpty()) {
      return "no diagnostics";
    }
    if (diagnostics.size() == 1) {
      return diagnostics.get(0).format();
    }
    return diagnostics.size()
        + " problems:\n"
        + diagnostics.stream().map(d -> "  " + d.format()).collect(Collectors.joining("\n"));
  }
}
