package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.oam.InputItem;
import io.vela4j.model.oam.OutputItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step or sub-step as the engine runs it: names defaulted, properties an object.
 *
 * @param name the name
 * @param type the type
 * @param properties the properties ({@code {}} when none)
 * @param dependsOn steps it waits for
 * @param inputs its inputs
 * @param outputs its outputs
 * @param ifCondition its {@code if}, or {@code ""}
 * @param timeout its timeout, or {@code null}
 * @param subSteps its sub-steps (a {@code step-group})
 * @param subStepsDag whether its sub-steps run as a DAG
 * @param path its field path ({@code spec.workflow.steps[1].subSteps[0]})
 * @param parent the group it belongs to, or {@code null}
 */
public record StepSpec(
    String name,
    String type,
    ObjectNode properties,
    List<String> dependsOn,
    List<InputItem> inputs,
    List<OutputItem> outputs,
    String ifCondition,
    java.time.@Nullable Duration timeout,
    List<StepSpec> subSteps,
    boolean subStepsDag,
    String path,
    @Nullable String parent) {

  /** The properties (a copy). */
  @Override
  public ObjectNode properties() {
    return properties.deepCopy();
  }

  /** A property, or a missing node. */
  JsonNode property(String name) {
    return properties.path(name);
  }
}
