package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A value exported for other components or steps.
 *
 * @param name the output name (required)
 * @param valueFrom the expression that computes it (required)
 */
public record OutputItem(
    @JsonProperty(required = true) String name, @JsonProperty(required = true) String valueFrom) {}
