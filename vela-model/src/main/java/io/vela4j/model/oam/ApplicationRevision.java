package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** An {@code ApplicationRevision}: an Application frozen together with the definitions it used. */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("ApplicationRevision")
@Plural("applicationrevisions")
@ShortNames({"apprev"})
public class ApplicationRevision extends OamResource<ApplicationRevisionSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty ApplicationRevision (for deserialization and fabric8). */
  public ApplicationRevision() {}

  /** A ApplicationRevision with the given metadata and spec. */
  public ApplicationRevision(
      @Nullable ObjectMeta metadata, @Nullable ApplicationRevisionSpec spec) {
    super(metadata, spec, null);
  }

  /** A ApplicationRevision with the given metadata, spec and status. */
  public ApplicationRevision(
      @Nullable ObjectMeta metadata,
      @Nullable ApplicationRevisionSpec spec,
      @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
