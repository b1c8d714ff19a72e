package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A value consumed from another component's or step's output.
 *
 * @param from the name of the output (required)
 * @param parameterKey where the value goes in this entry's properties
 */
public record InputItem(
    @JsonProperty(required = true) String from, @Nullable String parameterKey) {}
