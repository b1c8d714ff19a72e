package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/** An OAM {@code Application} ({@code core.oam.dev/v1beta1}). */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("Application")
@Plural("applications")
@ShortNames({"app", "velaapp"})
public class Application extends OamResource<ApplicationSpec> implements Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty Application (for deserialization and fabric8). */
  public Application() {}

  /** An Application with the given metadata and spec. */
  public Application(@Nullable ObjectMeta metadata, @Nullable ApplicationSpec spec) {
    super(metadata, spec, null);
  }

  /** An Application with the given metadata, spec and status. */
  public Application(
      @Nullable ObjectMeta metadata, @Nullable ApplicationSpec spec, @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
