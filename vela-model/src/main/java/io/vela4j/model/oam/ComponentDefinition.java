package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** A {@code ComponentDefinition}: how a component type becomes a workload. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("ComponentDefinition")
@Plural("componentdefinitions")
@ShortNames({"comp"})
public class ComponentDefinition extends OamResource<ComponentDefinitionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty ComponentDefinition (for deserialization and fabric8). */
  public ComponentDefinition() {}

  /** A ComponentDefinition with the given metadata and spec. */
  public ComponentDefinition(
      @Nullable ObjectMeta metadata, @Nullable ComponentDefinitionSpec spec) {
    super(metadata, spec, null);
  }

  /** A ComponentDefinition with the given metadata, spec and status. */
  public ComponentDefinition(
      @Nullable ObjectMeta metadata,
      @Nullable ComponentDefinitionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
