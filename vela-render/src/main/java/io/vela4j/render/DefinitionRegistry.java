package io.vela4j.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.SourceLocation;
import io.vela4j.render.internal.DefinitionSources;
import io.vela4j.render.internal.JavaEngine;
import io.vela4j.render.spi.ComponentTemplate;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateEngine;
import io.vela4j.render.spi.TraitTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The definitions a {@link Renderer} can use, with their templates compiled once. Immutable and
 * thread-safe; build one with {@link #builder()}, or use {@link #catalogue()} for the built-in
 * catalogue alone.
 *
 * <p>Definitions come from KubeVela definition objects (YAML or JSON, all five kinds: Component,
 * Trait, Policy, WorkflowStep and the legacy WorkloadDefinition, which component types fall back to
 * as in KubeVela), from KubeVela's {@code .cue} definition files ({@code vela def} format), from
 * directories of either, from the classpath, from Java {@link ComponentTemplate}/{@link
 * TraitTemplate} implementations, and from the built-in catalogue ({@code webservice}, {@code
 * worker}, {@code scaler}, {@code gateway}, {@code topology}, ...: the names, parameters and output
 * of KubeVela's built-ins, written for Vela4J). A definition added later replaces an earlier one of
 * the same kind and name, as {@code vela dry-run -d} definitions win over the cluster's.
 *
 * <p>Types resolve as KubeVela resolves them: {@code worker} is the current definition named {@code
 * worker}; {@code worker@v1.3.1} is the definition named {@code worker} whose {@code spec.version}
 * is {@code 1.3.1} (earlier versions stay reachable after a newer one replaced them), else a
 * definition named {@code worker-v1.3.1} (KubeVela's DefinitionRevision name).
 */
public final class DefinitionRegistry {

  private static final class CatalogueHolder {
    static final DefinitionRegistry CATALOGUE =
        new Builder().addAll(DefinitionSources.catalogue()).build();
  }

  private final Map<Definition.Kind, Map<String, Definition>> current;
  private final Map<Definition.Kind, Map<String, Definition>> byVersion;
  private final Map<Definition, @Nullable Template> templates;
  private final List<Definition> definitions;
  private final List<TemplateEngine> engines;

  private DefinitionRegistry(
      Map<Definition.Kind, Map<String, Definition>> current,
      Map<Definition.Kind, Map<String, Definition>> byVersion,
      Map<Definition, @Nullable Template> templates,
      List<Definition> definitions,
      List<TemplateEngine> engines) {
    this.current = current;
    this.byVersion = byVersion;
    this.templates = templates;
    this.definitions = definitions;
    this.engines = engines;
  }

  /**
   * The built-in catalogue alone, compiled once per JVM.
   *
   * @return the catalogue registry
   */
  public static DefinitionRegistry catalogue() {
    return CatalogueHolder.CATALOGUE;
  }

  /**
   * A builder with no definitions; add {@link Builder#catalogue()} for the built-ins.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this registry's definitions (their compiled templates are reused).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.engines.addAll(engines);
    for (Definition d : definitions) {
      b.entries.add(d);
      b.compiled.put(d, templates.get(d));
    }
    return b;
  }

  /**
   * Finds the definition a type names.
   *
   * @param kind what kind of definition
   * @param type the type as an application writes it: {@code webservice}, {@code worker@v1.3.1}
   * @return the definition, or empty
   */
  public Optional<Definition> find(Definition.Kind kind, String type) {
    int at = type.indexOf('@');
    if (at < 0) {
      return Optional.ofNullable(current.get(kind).get(type));
    }
    String name = type.substring(0, at);
    String version = type.substring(at + 1);
    String bare = version.startsWith("v") ? version.substring(1) : version;
    Definition d = byVersion.get(kind).get(name + "@" + bare);
    if (d == null) {
      d = current.get(kind).get(typeLabel(type));
    }
    return Optional.ofNullable(d);
  }

  /**
   * The type as KubeVela writes it into labels and names ({@code ConvertDefinitionRevName}): {@code
   * worker@v1.3.1} becomes {@code worker-v1.3.1}; other types are unchanged.
   *
   * @param type a component, trait or policy type
   * @return the label form
   */
  public static String typeLabel(String type) {
    int at = type.indexOf('@');
    return at < 0 ? type : type.substring(0, at) + "-" + type.substring(at + 1);
  }

  /**
   * The compiled template of one of this registry's definitions.
   *
   * @param definition a definition of this registry
   * @return the template, or empty when no engine handles the definition (a {@code helm} or {@code
   *     terraform} schematic, a definition without template)
   */
  public Optional<Template> template(Definition definition) {
    return Optional.ofNullable(templates.get(definition));
  }

  /**
   * Every definition, in the order added (replaced ones included, so versions stay reachable).
   *
   * @return an unmodifiable list
   */
  public List<Definition> definitions() {
    return definitions;
  }

  /** Builds a {@link DefinitionRegistry}; not thread-safe, use once. */
  public static final class Builder {
    private final List<Definition> entries = new ArrayList<>();
    private final Map<Definition, @Nullable Template> compiled = new IdentityHashMap<>();
    private final List<TemplateEngine> engines = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the built-in catalogue (compiled once per JVM and shared).
     *
     * @return this builder
     */
    public Builder catalogue() {
      DefinitionRegistry c = DefinitionRegistry.catalogue();
      for (Definition d : c.definitions) {
        entries.add(d);
        compiled.put(d, c.templates.get(d));
      }
      return this;
    }

    /**
     * Adds a definition object ({@code ComponentDefinition}, {@code TraitDefinition}, {@code
     * PolicyDefinition} or {@code WorkflowStepDefinition}).
     *
     * @param definition the object (not modified)
     * @return this builder
     */
    public Builder add(HasMetadata definition) {
      return add(DefinitionSources.of(definition, SourceLocation.UNKNOWN, null));
    }

    /**
     * Adds a definition.
     *
     * @param definition the definition
     * @return this builder
     */
    public Builder add(Definition definition) {
      entries.add(definition);
      return this;
    }

    private Builder addAll(List<Definition> definitions) {
      entries.addAll(definitions);
      return this;
    }

    /**
     * Adds the definitions of a file ({@code .yaml}, {@code .yml}, {@code .json}: definition
     * objects, other kinds ignored; {@code .cue}: one {@code vela def} file) or of every such file
     * below a directory, in path order.
     *
     * @param fileOrDirectory where to read
     * @return this builder; problems are reported by {@link #build()}
     */
    public Builder load(Path fileOrDirectory) {
      collect(() -> entries.addAll(DefinitionSources.load(fileOrDirectory)));
      return this;
    }

    /**
     * Adds the definitions of in-memory text, read as {@link #load(Path)} reads a file of that
     * name.
     *
     * @param sourceName the name (its extension selects the format; {@code .cue} for {@code vela
     *     def} files)
     * @param text the content
     * @return this builder; problems are reported by {@link #build()}
     */
    public Builder load(String sourceName, String text) {
      collect(() -> entries.addAll(DefinitionSources.parse(sourceName, text)));
      return this;
    }

    /**
     * Adds the definitions of a classpath resource: a file, or a directory (listed from its {@code
     * index.txt} of relative paths when it has one, else from the file system or jar).
     *
     * @param resource the resource path, such as {@code com/acme/definitions}
     * @param loader the class loader to read it with
     * @return this builder; problems are reported by {@link #build()}
     */
    public Builder loadClasspath(String resource, ClassLoader loader) {
      collect(() -> entries.addAll(DefinitionSources.classpath(resource, loader)));
      return this;
    }

    /**
     * Adds a component type implemented in Java.
     *
     * @param template the implementation (immutable, thread-safe)
     * @return this builder
     */
    public Builder component(ComponentTemplate<?> template) {
      return precompiled(
          JavaEngine.definitionOf(template), template.getClass(), JavaEngine.wrap(template));
    }

    /**
     * Adds a trait type implemented in Java.
     *
     * @param template the implementation (immutable, thread-safe)
     * @return this builder
     */
    public Builder trait(TraitTemplate<?> template) {
      return precompiled(
          JavaEngine.definitionOf(template), template.getClass(), JavaEngine.wrap(template));
    }

    private Builder precompiled(HasMetadata object, Class<?> implementation, Template template) {
      Definition d =
          DefinitionSources.of(object, new SourceLocation(implementation.getName(), 0, 0), null);
      entries.add(d);
      compiled.put(d, template);
      return this;
    }

    /**
     * Adds a template engine; it is asked before the engines found with {@link ServiceLoader}, and
     * replaces a discovered engine of the same {@link TemplateEngine#name() name}.
     *
     * @param engine the engine
     * @return this builder
     */
    public Builder engine(TemplateEngine engine) {
      engines.add(engine);
      return this;
    }

    private void collect(Runnable r) {
      try {
        r.run();
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
      }
    }

    /**
     * Compiles every template not compiled yet and builds the registry.
     *
     * @return the registry
     * @throws RenderException listing every unreadable file and every template that does not
     *     compile
     */
    public DefinitionRegistry build() {
      List<TemplateEngine> all = new ArrayList<>(engines);
      var names = new java.util.HashSet<String>();
      engines.forEach(e -> names.add(e.name()));
      for (TemplateEngine e :
          ServiceLoader.load(TemplateEngine.class, DefinitionRegistry.class.getClassLoader())) {
        if (names.add(e.name())) {
          all.add(e);
        }
      }
      var errors = new ArrayList<>(problems);
      var templates = new IdentityHashMap<Definition, @Nullable Template>();
      var current = new EnumMap<Definition.Kind, Map<String, Definition>>(Definition.Kind.class);
      var byVersion = new EnumMap<Definition.Kind, Map<String, Definition>>(Definition.Kind.class);
      for (Definition.Kind k : Definition.Kind.values()) {
        current.put(k, new HashMap<>());
        byVersion.put(k, new HashMap<>());
      }
      for (Definition d : entries) {
        if (!templates.containsKey(d)) {
          if (compiled.containsKey(d)) {
            templates.put(d, compiled.get(d));
          } else {
            templates.put(d, compile(d, all, errors));
          }
        }
        current.get(d.kind()).put(d.name(), d);
        String v = d.version();
        if (v != null) {
          byVersion.get(d.kind()).put(d.name() + "@" + v, d);
        }
      }
      if (!errors.isEmpty()) {
        throw new RenderException(errors);
      }
      var frozenCurrent =
          new EnumMap<Definition.Kind, Map<String, Definition>>(Definition.Kind.class);
      current.forEach((k, m) -> frozenCurrent.put(k, Collections.unmodifiableMap(m)));
      var frozenVersions =
          new EnumMap<Definition.Kind, Map<String, Definition>>(Definition.Kind.class);
      byVersion.forEach((k, m) -> frozenVersions.put(k, Collections.unmodifiableMap(m)));
      return new DefinitionRegistry(
          frozenCurrent,
          frozenVersions,
          Collections.unmodifiableMap(templates),
          List.copyOf(entries),
          List.copyOf(all));
    }

    private static @Nullable Template compile(
        Definition d, List<TemplateEngine> engines, List<Diagnostic> errors) {
      for (TemplateEngine e : engines) {
        if (e.handles(d)) {
          try {
            return e.compile(d);
          } catch (RenderException ex) {
            for (Diagnostic diag : ex.diagnostics()) {
              errors.add(
                  diag.source() == null && d.location().source() != null
                      ? diag.withSource(d.location().source())
                          .at(d.location().line(), d.location().column())
                      : diag);
            }
            return null;
          }
        }
      }
      return null;
    }
  }

  @Override
  public String toString() {
    var counts = new LinkedHashMap<String, Integer>();
    for (Definition.Kind k : Definition.Kind.values()) {
      counts.put(k.label(), current.get(k).size());
    }
    return "DefinitionRegistry" + counts;
  }
}
