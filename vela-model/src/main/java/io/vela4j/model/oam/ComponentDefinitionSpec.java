package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code ComponentDefinition.spec}.
 *
 * @param workload the workload kind (required)
 * @param childResourceKinds kinds the workload creates
 * @param revisionLabel the label carrying the revision on the workload's pods
 * @param podSpecPath the path to the pod spec in the workload
 * @param status health and status message rules
 * @param schematic the template
 * @param extension legacy free-form extension (its {@code template} is used when no schematic)
 * @param version the definition version
 */
public record ComponentDefinitionSpec(
    @JsonProperty(required = true) WorkloadTypeDescriptor workload,
    List<ChildResourceKind> childResourceKinds,
    @Nullable String revisionLabel,
    @Nullable String podSpecPath,
    @Nullable StatusSpec status,
    @Nullable Schematic schematic,
    @Nullable JsonNode extension,
    @Nullable String version) {
  /** Normalizes absent lists to empty lists. */
  public ComponentDefinitionSpec {
    childResourceKinds = Copies.list(childResourceKinds);
  }
}
