package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code Application.spec}.
 *
 * @param components the components (required by the CRD)
 * @param policies application-level policies
 * @param workflow the workflow, or {@code null} for KubeVela's default (deploy every component)
 */
public record ApplicationSpec(
    @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
        List<ApplicationComponent> components,
    List<AppPolicy> policies,
    @Nullable Workflow workflow) {

  /** Normalizes absent lists to empty, unmodifiable lists. */
  public ApplicationSpec {
    components = Copies.list(components);
    policies = Copies.list(policies);
  }

  /** A spec with only components. */
  public static ApplicationSpec of(List<ApplicationComponent> components) {
    return new ApplicationSpec(components, List.of(), null);
  }
}
