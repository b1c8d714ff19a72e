package io.vela4j.model.oam;

import org.jspecify.annotations.Nullable;

/**
 * {@code spec.status} of a definition: how KubeVela computes health and the status message.
 *
 * @param customStatus CUE producing the status message
 * @param healthPolicy CUE producing {@code isHealth}
 * @param details CUE producing status details
 */
public record StatusSpec(
    @Nullable String customStatus, @Nullable String healthPolicy, @Nullable String details) {}
