package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code spec.policies}.
 *
 * @param name the policy name; KubeVela names unnamed policies {@code <type>-auto-gen-<index>}
 * @param type the PolicyDefinition name (required)
 * @param properties the policy parameters, free-form JSON
 */
public record AppPolicy(
    @Nullable String name,
    @JsonProperty(required = true) String type,
    @Nullable JsonNode properties) {}
