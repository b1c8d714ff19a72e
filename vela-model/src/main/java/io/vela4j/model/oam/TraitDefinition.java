package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** A {@code TraitDefinition}: how a trait patches a workload or adds resources. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("TraitDefinition")
@Plural("traitdefinitions")
@ShortNames({"trait"})
public class TraitDefinition extends OamResource<TraitDefinitionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty TraitDefinition (for deserialization and fabric8). */
  public TraitDefinition() {}

  /** A TraitDefinition with the given metadata and spec. */
  public TraitDefinition(@Nullable ObjectMeta metadata, @Nullable TraitDefinitionSpec spec) {
    super(metadata, spec, null);
  }

  /** A TraitDefinition with the given metadata, spec and status. */
  public TraitDefinition(
      @Nullable ObjectMeta metadata,
      @Nullable TraitDefinitionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
