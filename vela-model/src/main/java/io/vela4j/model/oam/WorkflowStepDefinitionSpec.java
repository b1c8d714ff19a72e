package io.vela4j.model.oam;

import org.jspecify.annotations.Nullable;

/**
 * {@code WorkflowStepDefinition.spec}.
 *
 * @param definitionRef the CRD of the step object
 * @param schematic the template
 * @param version the definition version
 */
public record WorkflowStepDefinitionSpec(
    @Nullable DefinitionReference definitionRef,
    @Nullable Schematic schematic,
    @Nullable String version) {}
