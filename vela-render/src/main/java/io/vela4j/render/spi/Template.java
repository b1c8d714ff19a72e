package io.vela4j.render.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * A compiled template: immutable, thread-safe, evaluated once per component, trait or policy of
 * every render.
 */
public interface Template {

  /**
   * Evaluates the template.
   *
   * @param parameter the properties of the component, trait or policy, or {@code null} when the
   *     application gives none
   * @param context KubeVela's {@code context} (name, namespace, appName, appRevision, ...; for
   *     traits also output, outputs, componentType and parameter); not modified
   * @return what the template produced
   * @throws io.vela4j.render.RenderException when the template rejects the parameters or fails,
   *     with the template position when the engine knows it
   */
  TemplateResult evaluate(@Nullable JsonNode parameter, ObjectNode context);
}
