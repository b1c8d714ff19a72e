package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A reference to the CRD a definition manages.
 *
 * @param name the CRD name, e.g. {@code deployments.apps} (required)
 * @param version the CRD version
 */
public record DefinitionReference(
    @JsonProperty(required = true) String name, @Nullable String version) {}
