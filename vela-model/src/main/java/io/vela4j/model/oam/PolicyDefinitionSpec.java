package io.vela4j.model.oam;

import org.jspecify.annotations.Nullable;

/**
 * {@code PolicyDefinition.spec}.
 *
 * @param definitionRef the CRD of the policy object
 * @param schematic the template
 * @param manageHealthCheck whether the policy takes over health checking
 * @param global whether the policy applies to every application in its namespace
 * @param priority the order of global policies (higher first)
 * @param scope {@code Application} (default) or {@code WorkflowStep}
 * @param version the definition version
 */
public record PolicyDefinitionSpec(
    @Nullable DefinitionReference definitionRef,
    @Nullable Schematic schematic,
    @Nullable Boolean manageHealthCheck,
    @Nullable Boolean global,
    @Nullable Integer priority,
    @Nullable String scope,
    @Nullable String version) {}
