package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code TraitDefinition.spec}.
 *
 * @param appliesToWorkloads workload types or definition names the trait applies to
 * @param conflictsWith traits it cannot be combined with
 * @param podDisruptive whether changing it restarts pods
 * @param manageWorkload whether the trait manages the workload itself
 * @param controlPlaneOnly whether its resources stay on the control plane
 * @param revisionEnabled whether the trait is aware of component revisions
 * @param workloadRefPath where to write the workload reference in the trait object
 * @param stage {@code PreDispatch}, {@code PostDispatch} or default
 * @param definitionRef the CRD of the trait object
 * @param status health and status message rules
 * @param schematic the template
 * @param extension legacy free-form extension
 * @param version the definition version
 */
public record TraitDefinitionSpec(
    List<String> appliesToWorkloads,
    List<String> conflictsWith,
    @Nullable Boolean podDisruptive,
    @Nullable Boolean manageWorkload,
    @Nullable Boolean controlPlaneOnly,
    @Nullable Boolean revisionEnabled,
    @Nullable String workloadRefPath,
    @Nullable String stage,
    @Nullable DefinitionReference definitionRef,
    @Nullable StatusSpec status,
    @Nullable Schematic schematic,
    @Nullable JsonNode extension,
    @Nullable String version) {
  /** Normalizes absent lists to empty lists. */
  public TraitDefinitionSpec {
    appliesToWorkloads = Copies.list(appliesToWorkloads);
    conflictsWith = Copies.list(conflictsWith);
  }
}
