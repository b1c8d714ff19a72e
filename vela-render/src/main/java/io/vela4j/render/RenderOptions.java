package io.vela4j.render;

import io.vela4j.model.SourceMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How one render runs. Immutable; start from {@link #defaults()} and change with the {@code with}
 * methods.
 *
 * @param revision the application revision name the objects carry ({@code <app>-v<N>}), or {@code
 *     null}: the application's {@code status.latestRevision.name} when it has one, else {@code
 *     <app>-v1} (compute it against earlier revisions with {@link Revisions#next})
 * @param clusterVersion the Kubernetes version templates see in {@code context.clusterVersion} for
 *     clusters without their own entry ({@code 1.31} by default; {@code vela dry-run} passes none,
 *     so KubeVela's templates fall back to APIs removed from current clusters: Vela4J does not)
 * @param clusterVersions versions of particular clusters, by name ({@code local} is the hub)
 * @param sourceMap where the application was read from, to locate problems by file, line and
 *     column, or {@code null}
 */
public record RenderOptions(
    @Nullable String revision,
    String clusterVersion,
    Map<String, String> clusterVersions,
    @Nullable SourceMap sourceMap) {

  /** The Kubernetes version assumed for clusters whose version is not given. */
  public static final String DEFAULT_CLUSTER_VERSION = "1.31";

  private static final RenderOptions DEFAULTS =
      new RenderOptions(null, DEFAULT_CLUSTER_VERSION, Map.of(), null);

  /** Validates and copies the components. */
  public RenderOptions {
    Objects.requireNonNull(clusterVersion, "clusterVersion");
    clusterVersions = Collections.unmodifiableMap(new TreeMap<>(clusterVersions));
  }

  /**
   * The defaults: revision from the application, cluster version 1.31, no source map.
   *
   * @return the defaults
   */
  public static RenderOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with the given revision name.
   *
   * @param name {@code <app>-v<N>}, or {@code null} for the default
   * @return the copy
   */
  public RenderOptions withRevision(@Nullable String name) {
    return new RenderOptions(name, clusterVersion, clusterVersions, sourceMap);
  }

  /**
   * A copy with the given default cluster version.
   *
   * @param version such as {@code 1.29} or {@code v1.29.3}
   * @return the copy
   */
  public RenderOptions withClusterVersion(String version) {
    return new RenderOptions(revision, version, clusterVersions, sourceMap);
  }

  /**
   * A copy with one cluster's version.
   *
   * @param cluster the cluster name
   * @param version its version
   * @return the copy
   */
  public RenderOptions withClusterVersion(String cluster, String version) {
    var m = new TreeMap<>(clusterVersions);
    m.put(cluster, version);
    return new RenderOptions(revision, clusterVersion, m, sourceMap);
  }

  /**
   * A copy that locates problems in the application's file.
   *
   * @param map the application document's source map
   * @return the copy
   */
  public RenderOptions withSourceMap(@Nullable SourceMap map) {
    return new RenderOptions(revision, clusterVersion, clusterVersions, map);
  }

  /**
   * The version of one cluster.
   *
   * @param cluster the cluster name
   * @return its version, or the default one
   */
  public String clusterVersionOf(String cluster) {
    return clusterVersions.getOrDefault(cluster, clusterVersion);
  }
}
