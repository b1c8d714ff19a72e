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
 * A {@code ResourceTracker} (cluster-scoped, written by the KubeVela controller; read only in
 * Vela4J).
 */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("ResourceTracker")
@Plural("resourcetrackers")
@ShortNames({"rt"})
public class ResourceTracker extends OamResource<ResourceTrackerSpec> {
  private static final long serialVersionUID = 1L;

  /** An empty ResourceTracker (for deserialization and fabric8). */
  public ResourceTracker() {}

  /** A ResourceTracker with the given metadata and spec. */
  public ResourceTracker(@Nullable ObjectMeta metadata, @Nullable ResourceTrackerSpec spec) {
    super(metadata, spec, null);
  }

  /** A ResourceTracker with the given metadata, spec and status. */
  public ResourceTracker(
      @Nullable ObjectMeta metadata,
      @Nullable ResourceTrackerSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
