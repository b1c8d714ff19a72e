package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One trait of a component.
 *
 * @param type the TraitDefinition name (required)
 * @param properties the trait parameters, free-form JSON
 */
public record ApplicationTrait(
    @JsonProperty(required = true) String type, @Nullable JsonNode properties) {}
