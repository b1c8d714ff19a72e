package io.vela4j.model.oam;

import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code spec.workflow}.
 *
 * @param ref the name of a Workflow object to run instead of {@code steps}
 * @param steps the steps
 * @param mode how steps and sub-steps run ({@code StepByStep} or {@code DAG})
 */
public record Workflow(
    @Nullable String ref, List<WorkflowStep> steps, @Nullable WorkflowMode mode) {

  /** Normalizes absent steps to an empty list. */
  public Workflow {
    steps = Copies.list(steps);
  }
}
