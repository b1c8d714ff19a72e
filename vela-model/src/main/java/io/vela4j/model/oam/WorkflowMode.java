package io.vela4j.model.oam;

import org.jspecify.annotations.Nullable;

/**
 * {@code spec.workflow.mode}.
 *
 * @param steps mode of the steps: {@code StepByStep} (KubeVela's default) or {@code DAG}
 * @param subSteps mode of the sub-steps: {@code StepByStep} or {@code DAG} (KubeVela's default)
 */
public record WorkflowMode(@Nullable String steps, @Nullable String subSteps) {
  /** Steps run one after another. */
  public static final String STEP_BY_STEP = "StepByStep";

  /** Steps run as soon as their dependencies are done. */
  public static final String DAG = "DAG";
}
