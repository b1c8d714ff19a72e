package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** A {@code WorkloadDefinition}. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("WorkloadDefinition")
@Plural("workloaddefinitions")
@ShortNames({"workload"})
public class WorkloadDefinition extends OamResource<WorkloadDefinitionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty WorkloadDefinition (for deserialization and fabric8). */
  public WorkloadDefinition() {}

  /** A WorkloadDefinition with the given metadata and spec. */
  public WorkloadDefinition(@Nullable ObjectMeta metadata, @Nullable WorkloadDefinitionSpec spec) {
    super(metadata, spec, null);
  }

  /** A WorkloadDefinition with the given metadata, spec and status. */
  public WorkloadDefinition(
      @Nullable ObjectMeta metadata,
      @Nullable WorkloadDefinitionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
