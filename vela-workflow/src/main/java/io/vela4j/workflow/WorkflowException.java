package io.vela4j.workflow;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.VelaException;
import java.util.List;

/**
 * A workflow cannot run (its steps are malformed) or a step failed. Each {@link Diagnostic} names
 * the step (its field path, such as {@code spec.workflow.steps[1]}), and for a failing action the
 * action and the CUE position in the step's template; its code is a constant of {@link
 * DiagnosticCodes} (see its workflow section).
 */
public class WorkflowException extends VelaException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception listing problems.
   *
   * @param diagnostics at least one
   */
  public WorkflowException(List<Diagnostic> diagnostics) {
    super(diagnostics);
  }

  /**
   * An exception for one problem.
   *
   * @param diagnostic the problem
   */
  public WorkflowException(Diagnostic diagnostic) {
    super(diagnostic);
  }
}
