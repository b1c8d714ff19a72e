package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/**
 * A managed {@code Cluster} ({@code cluster.core.oam.dev/v1alpha1}) as KubeVela lists it: name and
 * labels in metadata.
 */
@Group(Oam.CLUSTER_GROUP)
@Version(Oam.V1ALPHA1)
@Kind("Cluster")
@Plural("clusters")
@ShortNames({"vc"})
public class Cluster extends OamResource<ClusterSpec> {
  private static final long serialVersionUID = 1L;

  /** An empty Cluster (for deserialization and fabric8). */
  public Cluster() {}

  /** A Cluster with the given metadata and spec. */
  public Cluster(@Nullable ObjectMeta metadata, @Nullable ClusterSpec spec) {
    super(metadata, spec, null);
  }

  /** A Cluster with the given metadata, spec and status. */
  public Cluster(
      @Nullable ObjectMeta metadata, @Nullable ClusterSpec spec, @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
