package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vela4j.model.internal.Copies;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code AppDeployment.spec} (legacy): which application revisions run on which clusters, with how
 * many replicas, and how traffic is split.
 *
 * @param appRevisions the revisions and their placements
 * @param traffic traffic split across revisions (Istio)
 */
public record AppDeploymentSpec(List<AppRevision> appRevisions, @Nullable Traffic traffic) {
  /** Normalizes absent lists to empty lists. */
  public AppDeploymentSpec {
    appRevisions = Copies.list(appRevisions);
  }

  /**
   * A revision and where it runs.
   *
   * @param revisionName the ApplicationRevision name (required)
   * @param placement the clusters it is placed on
   */
  public record AppRevision(
      @JsonProperty(required = true) String revisionName, List<ClusterPlacement> placement) {
    /** Normalizes absent lists to empty lists. */
    public AppRevision {
      placement = Copies.list(placement);
    }
  }

  /**
   * One placement: a cluster and a distribution.
   *
   * @param clusterSelector which cluster (by name; labels are not used by KubeVela)
   * @param distribution how many replicas
   */
  public record ClusterPlacement(
      @Nullable ClusterSelector clusterSelector, @Nullable Distribution distribution) {}

  /**
   * Selects a cluster.
   *
   * @param name the cluster name; empty means the host cluster
   * @param labels cluster labels
   */
  public record ClusterSelector(@Nullable String name, Map<String, String> labels) {
    /** Normalizes absent labels to an empty map. */
    public ClusterSelector {
      labels = Copies.map(labels);
    }
  }

  /** Replica distribution. @param replicas the replicas on the cluster */
  public record Distribution(@Nullable Integer replicas) {}

  /**
   * Traffic management across revisions.
   *
   * @param hosts the hosts
   * @param gateways the gateways
   * @param http HTTP routes
   */
  public record Traffic(List<String> hosts, List<String> gateways, List<HttpRule> http) {
    /** Normalizes absent lists to empty lists. */
    public Traffic {
      hosts = Copies.list(hosts);
      gateways = Copies.list(gateways);
      http = Copies.list(http);
    }
  }

  /**
   * An HTTP route.
   *
   * @param match request matches
   * @param weightedTargets the targets and their weights
   */
  public record HttpRule(List<HttpMatch> match, List<WeightedTarget> weightedTargets) {
    /** Normalizes absent lists to empty lists. */
    public HttpRule {
      match = Copies.list(match);
      weightedTargets = Copies.list(weightedTargets);
    }
  }

  /** A request match. @param uri the URI match */
  public record HttpMatch(@Nullable UriMatch uri) {}

  /** A URI match. @param prefix the URI prefix */
  public record UriMatch(@Nullable String prefix) {}

  /**
   * A weighted target.
   *
   * @param revisionName the revision
   * @param componentName the component
   * @param port the port
   * @param weight the weight
   */
  public record WeightedTarget(
      @Nullable String revisionName,
      @Nullable String componentName,
      @Nullable Integer port,
      @Nullable Integer weight) {}
}
