package io.vela4j.render.spi;

import io.vela4j.render.Definition;

/**
 * Compiles the templates of the definitions it {@linkplain #handles handles}. Implementations are
 * stateless or immutable and thread-safe; they are discovered with {@link java.util.ServiceLoader}
 * or passed to {@link io.vela4j.render.DefinitionRegistry.Builder#engine(TemplateEngine)}.
 */
public interface TemplateEngine {

  /**
   * The engine's name, such as {@code cue}, {@code kube} or {@code java}; an engine registered
   * explicitly replaces a discovered one of the same name.
   *
   * @return the name
   */
  String name();

  /**
   * Whether this engine compiles the definition's template (for instance: it has a {@code
   * schematic.cue}).
   *
   * @param definition the definition
   * @return true if {@link #compile} accepts it
   */
  boolean handles(Definition definition);

  /**
   * Compiles the definition's template once; the result is used by every render.
   *
   * @param definition the definition
   * @return the compiled template
   * @throws io.vela4j.render.RenderException when the template is invalid, located in the
   *     definition's source
   */
  Template compile(Definition definition);
}
