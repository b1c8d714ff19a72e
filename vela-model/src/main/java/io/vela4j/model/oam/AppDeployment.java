package io.vela4j.model.oam;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import org.jspecify.annotations.Nullable;

/**
 * The legacy {@code AppDeployment} (KubeVela 1.0–1.1): application revisions placed on clusters.
 */
@Group(Oam.GROUP)
@Version(Oam.V1BETA1)
@Kind("AppDeployment")
@Plural("appdeployments")
public class AppDeployment extends OamResource<AppDeploymentSpec>
    implements io.fabric8.kubernetes.api.model.Namespaced {
  private static final long serialVersionUID = 1L;

  /** An empty AppDeployment (for deserialization and fabric8). */
  public AppDeployment() {}

  /** A AppDeployment with the given metadata and spec. */
  public AppDeployment(@Nullable ObjectMeta metadata, @Nullable AppDeploymentSpec spec) {
    super(metadata, spec, null);
  }

  /** A AppDeployment with the given metadata, spec and status. */
  public AppDeployment(
      @Nullable ObjectMeta metadata, @Nullable AppDeploymentSpec spec, @Nullable JsonNode status) {
    super(metadata, spec, status);
  }
}
