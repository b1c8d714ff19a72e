package io.vela4j.workflow;

/**
 * Told about a run as it progresses, for progress displays. Called from the thread that runs the
 * workflow; implementations must return quickly and must not throw.
 */
public interface WorkflowListener {

  /** A listener that does nothing. */
  WorkflowListener NONE = new WorkflowListener() {};

  /**
   * A step (or sub-step) is about to run.
   *
   * @param name the step's name
   * @param type the step's type
   */
  default void stepStarted(String name, String type) {}

  /**
   * A step (or sub-step) ran: its status now.
   *
   * @param status the status
   */
  default void stepFinished(StepStatus status) {}
}
