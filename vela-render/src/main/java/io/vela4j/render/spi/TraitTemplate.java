package io.vela4j.render.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A trait type written in Java instead of CUE: objects to add and patches of the workload or of
 * earlier auxiliaries. Register it with {@link
 * io.vela4j.render.DefinitionRegistry.Builder#trait(TraitTemplate)}. Implementations must be
 * immutable and thread-safe.
 *
 * @param <P> the parameter type the trait's {@code properties} are bound to (see {@link
 *     ComponentTemplate})
 */
public interface TraitTemplate<P> {

  /**
   * The trait type, as applications name it.
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
   * Objects the trait adds ({@code outputs}), by name.
   *
   * @param parameter the bound properties
   * @param context the render context; {@link TemplateContext#output()} is the workload so far
   * @return the objects; none by default
   */
  default Map<String, HasMetadata> outputs(P parameter, TemplateContext context) {
    return Map.of();
  }

  /**
   * The patch of the workload ({@code patch}).
   *
   * @param parameter the bound properties
   * @param context the render context
   * @return the patch, or {@code null} (the default) for none
   */
  default @Nullable Patch patch(P parameter, TemplateContext context) {
    return null;
  }

  /**
   * Patches of earlier auxiliary objects by their name ({@code patchOutputs}).
   *
   * @param parameter the bound properties
   * @param context the render context
   * @return the patches; none by default
   */
  default Map<String, Patch> patchOutputs(P parameter, TemplateContext context) {
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
