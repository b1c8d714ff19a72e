package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.ComponentDefinitionSpec;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.TraitDefinitionSpec;
import io.vela4j.model.oam.WorkloadTypeDescriptor;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import io.vela4j.render.spi.ComponentTemplate;
import io.vela4j.render.spi.Patch;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateContext;
import io.vela4j.render.spi.TemplateEngine;
import io.vela4j.render.spi.TemplateResult;
import io.vela4j.render.spi.TraitTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code java} engine: definitions implemented by {@link ComponentTemplate} or {@link
 * TraitTemplate} classes. A definition object names its class in the annotation {@value
 * #CLASS_ANNOTATION} (instantiated with its no-argument constructor); templates registered as
 * instances on a registry's builder are wrapped directly.
 */
public final class JavaEngine implements TemplateEngine {

  /** The annotation naming the implementing class of a Java definition. */
  public static final String CLASS_ANNOTATION = "template.vela4j.io/java-class";

  private static final ObjectMapper BINDER =
      Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Override
  public String name() {
    return "java";
  }

  @Override
  public boolean handles(Definition definition) {
    return className(definition.object()) != null;
  }

  @Override
  public Template compile(Definition definition) {
    String cls = className(definition.object());
    Object impl;
    try {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      Class<?> c = Class.forName(cls, true, cl == null ? JavaEngine.class.getClassLoader() : cl);
      impl = c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_DEFINITION,
                  definition.display() + ": cannot instantiate " + cls + ": " + e,
                  "metadata.annotations")
              .withFacts("a public class with a no-argument constructor", cls));
    }
    if (impl instanceof ComponentTemplate<?> t && definition.kind() == Definition.Kind.COMPONENT) {
      return wrap(t);
    } else if (impl instanceof TraitTemplate<?> t && definition.kind() == Definition.Kind.TRAIT) {
      return wrap(t);
    }
    throw new RenderException(
        Diagnostic.error(
                RenderException.INVALID_DEFINITION,
                definition.display() + ": " + cls + " does not implement the template interface",
                "metadata.annotations")
            .withFacts(
                definition.kind() == Definition.Kind.TRAIT
                    ? "a TraitTemplate"
                    : "a ComponentTemplate",
                cls));
  }

  private static @Nullable String className(HasMetadata object) {
    var md = object.getMetadata();
    if (md == null || md.getAnnotations() == null) {
      return null;
    }
    return md.getAnnotations().get(CLASS_ANNOTATION);
  }

  /** The ComponentDefinition standing for a Java component template. */
  public static ComponentDefinition definitionOf(ComponentTemplate<?> t) {
    return new ComponentDefinition(
        metadata(t.name(), t.getClass().getName(), t.description()),
        new ComponentDefinitionSpec(
            new WorkloadTypeDescriptor("autodetects.core.oam.dev", null),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null));
  }

  /** The TraitDefinition standing for a Java trait template. */
  public static TraitDefinition definitionOf(TraitTemplate<?> t) {
    return new TraitDefinition(
        metadata(t.name(), t.getClass().getName(), t.description()),
        new TraitDefinitionSpec(
            List.of(), List.of(), null, null, null, null, null, null, null, null, null, null,
            null));
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta metadata(
      String name, String cls, String description) {
    var a = new LinkedHashMap<String, String>();
    a.put(CLASS_ANNOTATION, cls);
    if (!description.isEmpty()) {
      a.put(Definition.DESCRIPTION_ANNOTATION, description);
    }
    return new ObjectMetaBuilder().withName(name).withAnnotations(a).build();
  }

  /** A template evaluating a component template instance. */
  public static <P> Template wrap(ComponentTemplate<P> t) {
    return (parameter, context) -> {
      P p = bind(parameter, t.parameterType(), t.name());
      TemplateContext ctx = new TemplateContext(context);
      ObjectNode output = object(t.workload(p, ctx), t.name(), "workload");
      var outputs = new LinkedHashMap<String, ObjectNode>();
      t.auxiliaries(p, ctx).forEach((k, v) -> outputs.put(k, object(v, t.name(), "outputs." + k)));
      return new TemplateResult(output, outputs, null, Map.of(), List.of());
    };
  }

  /** A template evaluating a trait template instance. */
  public static <P> Template wrap(TraitTemplate<P> t) {
    return (parameter, context) -> {
      P p = bind(parameter, t.parameterType(), t.name());
      TemplateContext ctx = new TemplateContext(context);
      var outputs = new LinkedHashMap<String, ObjectNode>();
      t.outputs(p, ctx).forEach((k, v) -> outputs.put(k, object(v, t.name(), "outputs." + k)));
      Patch patch = t.patch(p, ctx);
      return new TemplateResult(null, outputs, patch, t.patchOutputs(p, ctx), List.of());
    };
  }

  private static <P> P bind(@Nullable JsonNode parameter, Class<P> type, String name) {
    JsonNode in = parameter == null || parameter.isNull() ? Json.object() : parameter;
    if (type.isInstance(in)) {
      return type.cast(in.deepCopy());
    }
    try {
      return BINDER.treeToValue(in, type);
    } catch (JsonMappingException e) {
      StringBuilder path = new StringBuilder("properties");
      for (var ref : e.getPath()) {
        if (ref.getFieldName() != null) {
          path.append('.').append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_PARAMETER,
                  name + ": " + e.getOriginalMessage(),
                  path.toString())
              .withFacts(type.getSimpleName(), null));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RenderException(
          Diagnostic.error(
              RenderException.INVALID_PARAMETER,
              name + ": " + e.getOriginalMessage(),
              "properties"));
    }
  }

  private static ObjectNode object(HasMetadata o, String name, String what) {
    JsonNode n = Json.MAPPER.valueToTree(o);
    if (n instanceof ObjectNode obj) {
      return obj;
    }
    throw new RenderException(
        Diagnostic.error(
            RenderException.INVALID_OBJECT, name + ": " + what + " is not an object", null));
  }
}
