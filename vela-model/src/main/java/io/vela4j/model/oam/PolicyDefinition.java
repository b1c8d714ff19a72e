package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** A {@code PolicyDefinition}. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("PolicyDefinition")
@Plural("policydefinitions")
@ShortNames({"def-policy"})
public class PolicyDefinition extends OamResource<PolicyDefinitionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty PolicyDefinition (for deserialization and fabric8). */
  public PolicyDefinition() {}

  /** A PolicyDefinition with the given metadata and spec. */
  public PolicyDefinition(@Nullable ObjectMeta metadata, @Nullable PolicyDefinitionSpec spec) {
    super(metadata, spec, null);
  }

  /** A PolicyDefinition with the given metadata, spec and status. */
  public PolicyDefinition(
      @Nullable ObjectMeta metadata,
      @Nullable PolicyDefinitionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
