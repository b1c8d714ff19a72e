package io.vela4j.workflow;

/** Where a workflow step is. */
public enum StepPhase {
  /** Not started: waiting for {@code dependsOn} or inputs, or for earlier steps. */
  PENDING,
  /** Started and not finished: waiting for a condition or for components to be healthy. */
  RUNNING,
  /** Finished successfully. */
  SUCCEEDED,
  /** Finished with an error, or failed by a {@code #Fail} action; the run is terminated. */
  FAILED,
  /** Not run: its {@code if} was false, or an earlier step did not succeed. */
  SKIPPED,
  /** Suspended: waiting to be resumed (a {@code suspend} step, an approval, a {@code #Suspend}). */
  SUSPENDED,
  /** Its {@code timeout} passed before it finished; the run is terminated. */
  TIMED_OUT;

  /**
   * Whether the step is done (succeeded, failed, skipped or timed out), as KubeVela's {@code
   * IsStepFinish} tells it.
   *
   * @return true when the step will not run again
   */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == SKIPPED || this == TIMED_OUT;
  }

  /**
   * The lower-case name KubeVela prints ({@code succeeded}, {@code timedOut}, ...).
   *
   * @return the label
   */
  public String label() {
    return this == TIMED_OUT ? "timedOut" : name().toLowerCase(java.util.Locale.ROOT);
  }
}
