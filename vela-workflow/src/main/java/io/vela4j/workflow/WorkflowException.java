package io.vela4j.workflow;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaException;
import java.util.List;

/**
 * A workflow cannot run (its steps are malformed) or a step failed. Each {@link Diagnostic} names
 * the step (its field path, such as {@code spec.workflow.steps[1]}), and for a failing action the
 * action and the CUE position in the step's template; its code is one of the constants below.
 */
public class WorkflowException extends VelaException {
  private static final long serialVersionUID = 1L;

  /** Steps are malformed: duplicate names, an unknown {@code dependsOn}, a bad mode or timeout. */
  public static final String INVALID_WORKFLOW = "INVALID_WORKFLOW";

  /** A step's type names no built-in step and no WorkflowStepDefinition. */
  public static final String UNKNOWN_STEP_TYPE = "UNKNOWN_STEP_TYPE";

  /** A step's template uses an action ({@code #provider}/{@code #do}) no provider handles. */
  public static final String UNKNOWN_ACTION = "UNKNOWN_ACTION";

  /** A step's template imports a {@code vela/...} package Vela4J does not provide. */
  public static final String UNKNOWN_PACKAGE = "UNKNOWN_PACKAGE";

  /** A step's template does not compile or evaluate (conflicting values and the like). */
  public static final String TEMPLATE_ERROR = "TEMPLATE_ERROR";

  /** An action's inputs never became concrete: nothing left to run could complete them. */
  public static final String INCOMPLETE_ACTION = "INCOMPLETE_ACTION";

  /** An action failed: a {@code #Fail}, or a provider error (apply, read, render). */
  public static final String ACTION_FAILED = "ACTION_FAILED";

  /** A step's {@code timeout} passed. */
  public static final String TIMED_OUT = "TIMED_OUT";

  /** A run or a cluster state read back from JSON is malformed. */
  public static final String INVALID_STATE = "INVALID_STATE";

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
