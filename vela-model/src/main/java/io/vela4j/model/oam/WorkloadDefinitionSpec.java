package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code WorkloadDefinition.spec}.
 *
 * @param definitionRef the CRD of the workload (required)
 * @param childResourceKinds kinds the workload creates
 * @param revisionLabel the label carrying the revision
 * @param podSpecPath the path to the pod spec
 * @param status health and status message rules
 * @param schematic the template
 * @param extension legacy free-form extension
 */
public record WorkloadDefinitionSpec(
    @JsonProperty(required = true) DefinitionReference definitionRef,
    List<ChildResourceKind> childResourceKinds,
    @Nullable String revisionLabel,
    @Nullable String podSpecPath,
    @Nullable StatusSpec status,
    @Nullable Schematic schematic,
    @Nullable JsonNode extension) {
  /** Normalizes absent lists to empty lists. */
  public WorkloadDefinitionSpec {
    childResourceKinds = Copies.list(childResourceKinds);
  }
}
