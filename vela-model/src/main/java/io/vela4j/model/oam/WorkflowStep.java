package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workflow step, or a sub-step of a {@code step-group} step (sub-steps have no {@code subSteps}
 * and no {@code mode}).
 *
 * @param name the step name (unique among steps and sub-steps)
 * @param type the WorkflowStepDefinition name (required)
 * @param properties the step parameters, free-form JSON
 * @param meta display metadata
 * @param dependsOn names of steps this one waits for
 * @param inputs values consumed from other steps' outputs
 * @param outputs values exported to other steps
 * @param ifCondition the {@code if} expression deciding whether the step runs
 * @param timeout a duration such as {@code 30s} or {@code 5m}
 * @param mode the mode of this step group's sub-steps
 * @param subSteps the sub-steps of a {@code step-group}
 */
public record WorkflowStep(
    @Nullable String name,
    @JsonProperty(required = true) String type,
    @Nullable JsonNode properties,
    @Nullable StepMeta meta,
    List<String> dependsOn,
    List<InputItem> inputs,
    List<OutputItem> outputs,
    @JsonProperty("if") @Nullable String ifCondition,
    @Nullable String timeout,
    @Nullable String mode,
    List<WorkflowStep> subSteps) {

  /** Normalizes absent lists to empty, unmodifiable lists. */
  public WorkflowStep {
    dependsOn = Copies.list(dependsOn);
    inputs = Copies.list(inputs);
    outputs = Copies.list(outputs);
    subSteps = Copies.list(subSteps);
  }

  /** A step with a name, a type and properties. */
  public static WorkflowStep of(String name, String type, @Nullable JsonNode properties) {
    return new WorkflowStep(
        name, type, properties, null, List.of(), List.of(), List.of(), null, null, null, List.of());
  }

  /** Display metadata of a step. @param alias a display name */
  public record StepMeta(@Nullable String alias) {}
}
