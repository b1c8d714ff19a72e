package io.vela4j.model.oam;

import org.jspecify.annotations.Nullable;

/**
 * {@code Cluster.spec}: how KubeVela reaches a managed cluster. The cluster name and its labels are
 * in {@code metadata}.
 *
 * @param alias a display name
 * @param endpoint the API server URL
 * @param credentialType how KubeVela authenticates: {@code X509Certificate}, {@code
 *     ServiceAccountToken}, {@code Dynamic} (OCM cluster proxy) or {@code ...}
 */
public record ClusterSpec(
    @Nullable String alias, @Nullable String endpoint, @Nullable String credentialType) {}
