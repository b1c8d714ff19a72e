package io.vela4j.render;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.VelaException;
import java.util.List;

/**
 * Rendering failed: a definition is missing or invalid, a template rejected its parameters, a patch
 * conflicts, a policy is wrong. Every problem found is a {@link Diagnostic} whose {@link
 * Diagnostic#code() code} is a constant of {@link DiagnosticCodes} (see its rendering section),
 * located in the application (field path, and file, line and column when the application was read
 * from a file) or in the template (CUE position).
 */
public class RenderException extends VelaException {
  private static final long serialVersionUID = 1L;

  /**
   * The one bridge from CUE errors to diagnostics, used by every module that evaluates templates:
   * one diagnostic per CUE error, with the given code, a message naming {@code what} was evaluated
   * and the CUE path. An error about the parameters ({@code parameter.replicas}) has the relative
   * path {@code properties.replicas} (prefix it with the component's, trait's or step's path) and
   * the template position in its message; any other error has no path and is located at its
   * template position (file, line, column).
   *
   * @param e the CUE failure
   * @param code the diagnostic code
   * @param what what was being evaluated, such as {@code TraitDefinition/scaler}
   * @return the diagnostics, in CUE's order
   */
  public static List<Diagnostic> fromCue(io.vela4j.cue.CueException e, String code, String what) {
    return io.vela4j.render.internal.CueDiagnostics.of(e, code, what);
  }

  /**
   * An exception listing the problems found.
   *
   * @param diagnostics the problems, at least one
   */
  public RenderException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }

  /**
   * An exception for one problem.
   *
   * @param diagnostic the problem
   */
  public RenderException(Diagnostic diagnostic) {
    super(diagnostic);
  }
}
