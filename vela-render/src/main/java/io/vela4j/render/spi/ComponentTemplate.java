package io.vela4j.render.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * A component type written in Java instead of CUE: the workload (and auxiliary objects) of a
 * component from its typed parameters. Register it with {@link
 * io.vela4j.render.DefinitionRegistry.Builder#component(ComponentTemplate)}; the renderer then
 * treats it like any ComponentDefinition (traits, labels, policies). Implementations must be
 * immutable and thread-safe.
 *
 * @param <P> the parameter type: the component's {@code properties} are bound to it with Jackson
 *     (unknown properties ignored, as KubeVela's {@code parameter} is open); use {@link
 *     com.fasterxml.jackson.databind.JsonNode} to get them as they are
 */
public interface ComponentTemplate<P> {

  /**
   * The component type, as applications name it.
   *
   * @return the type name
   */
  String name();

  /**
   * The class the properties are bound to.
   *
   * @return the parameter class
   */
  Class<P> parameterType();

  /**
   * The workload ({@code output}).
   *
   * @param parameter the bound properties
   * @param context the render context
   * @return the workload, any fabric8 object (typed or {@code GenericKubernetesResource})
   */
  HasMetadata workload(P parameter, TemplateContext context);

  /**
   * The auxiliary objects ({@code outputs}), by name, in iteration order.
   *
   * @param parameter the bound properties
   * @param context the render context
   * @return the objects; none by default
   */
  default Map<String, HasMetadata> auxiliaries(P parameter, TemplateContext context) {
    return Map.of();
  }

  /**
   * A one-line description, kept in the definition's {@code definition.oam.dev/description}.
   *
   * @return the description; empty by default
   */
  default String description() {
    return "";
  }
}
