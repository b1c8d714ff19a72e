package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code ApplicationRevision.spec}: the application and every definition it used, by name.
 *
 * @param application the application as it was (required)
 * @param componentDefinitions component definitions by name
 * @param traitDefinitions trait definitions by name
 * @param policyDefinitions policy definitions by name
 * @param workflowStepDefinitions workflow step definitions by name
 * @param workloadDefinitions workload definitions by name
 * @param policies external Policy objects by name (free-form)
 * @param policyVersions versions of the global policies used
 * @param workflow the external Workflow object, when referenced (free-form)
 * @param referredObjects objects referred to by {@code ref-objects} components (free-form)
 * @param compression how the revision is compressed when stored
 */
public record ApplicationRevisionSpec(
    @JsonProperty(required = true) Application application,
    Map<String, ComponentDefinition> componentDefinitions,
    Map<String, TraitDefinition> traitDefinitions,
    Map<String, PolicyDefinition> policyDefinitions,
    Map<String, WorkflowStepDefinition> workflowStepDefinitions,
    Map<String, WorkloadDefinition> workloadDefinitions,
    Map<String, JsonNode> policies,
    Map<String, String> policyVersions,
    @Nullable JsonNode workflow,
    List<JsonNode> referredObjects,
    @Nullable Compression compression) {
  /** Normalizes absent collections to empty, unmodifiable ones. */
  public ApplicationRevisionSpec {
    componentDefinitions = Copies.map(componentDefinitions);
    traitDefinitions = Copies.map(traitDefinitions);
    policyDefinitions = Copies.map(policyDefinitions);
    workflowStepDefinitions = Copies.map(workflowStepDefinitions);
    workloadDefinitions = Copies.map(workloadDefinitions);
    policies = Copies.map(policies);
    policyVersions = Copies.map(policyVersions);
    referredObjects = Copies.list(referredObjects);
  }

  /**
   * How a stored object is compressed.
   *
   * @param type {@code gzip}, {@code zstd} or empty
   * @param data the compressed data, base64
   */
  public record Compression(@Nullable String type, @Nullable String data) {}
}
