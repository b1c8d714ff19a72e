package io.vela4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.PropertySchemas;
import io.vela4j.model.oam.Schematic;
import io.vela4j.render.internal.CueDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schema (draft 2020-12) of a definition's {@code parameter}: what KubeVela generates for
 * UIs (its {@code schema-<name>} ConfigMaps), in 2020-12's words. Immutable and thread-safe.
 *
 * <p>For a CUE template, the template's {@code parameter} is described by {@code
 * CueValue.jsonSchema()} (CUE's {@code encoding/openapi} with references expanded, as KubeVela's
 * {@code GenOpenAPI}), then post-processed as KubeVela's {@code FixOpenAPISchema} does: each
 * property's name is its {@code title}, and a description written as {@code // +usage=text} becomes
 * {@code text}; other {@code +tag} lines ({@code +short=i}, {@code +ignore}) are dropped. Fields
 * marked {@code +ignore} stay in the schema, as in KubeVela (the tag only hides them from the CLI
 * and generated docs; applications may still set them). The parameter itself is an open struct, as
 * in the template, so undeclared top-level properties are allowed (KubeVela ignores them); structs
 * from definitions and {@code close()} are closed.
 *
 * <p>A {@code kube} schematic's parameters give a schema as KubeVela's {@code
 * GetKubeSchematicOpenAPISchema} does (types {@code string}, {@code number}, {@code boolean};
 * {@code required}; the description, else the field paths), closed as the kube engine is. A
 * definition with neither (Java templates, {@code helm}, {@code terraform}, none) has the empty
 * schema {@code {"$schema": ...}}, which accepts any properties: {@link #known()} is false.
 *
 * <pre>{@code
 * ParameterSchema s = ParameterSchema.of(registry.find(Definition.Kind.TRAIT, "scaler").orElseThrow());
 * System.out.println(s.toJson());
 * }</pre>
 */
public final class ParameterSchema {

  /** The {@code $schema} written at the top of every parameter schema. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Definition definition;
  private final ObjectNode schema;
  private final boolean known;

  private ParameterSchema(Definition definition, ObjectNode schema, boolean known) {
    this.definition = definition;
    this.schema = schema;
    this.known = known;
  }

  /**
   * The schema of a definition's {@code parameter}.
   *
   * @param definition the definition
   * @return its parameter schema
   * @throws RenderException ({@link io.vela4j.model.DiagnosticCodes#INVALID_DEFINITION}) when the
   *     CUE template does not compile, or its {@code parameter} does not evaluate (a workflow step
   *     template that imports KubeVela's {@code vela/op} packages, for instance)
   */
  public static ParameterSchema of(Definition definition) {
    String template = definition.cueTemplate();
    if (template != null) {
      return new ParameterSchema(definition, cue(definition, template), true);
    }
    Schematic s = definition.schematic();
    if (s != null && s.kube() != null) {
      return new ParameterSchema(definition, kube(s.kube()), true);
    }
    ObjectNode empty = F.objectNode();
    empty.put("$schema", DIALECT);
    return new ParameterSchema(definition, empty, false);
  }

  /**
   * The schemas of a registry's definitions, for {@link
   * io.vela4j.model.ApplicationValidator#withPropertySchemas}: a type is looked up as the renderer
   * looks it up ({@code worker@v1.3.1} included; a component type falls back to a
   * WorkloadDefinition); each schema is computed once. Unknown types, and definitions whose schema
   * is not {@link #known()} or cannot be computed, have none (their properties are checked when
   * rendering). Each answer is a copy the caller may change.
   *
   * @param registry the definitions
   * @return a thread-safe lookup
   */
  public static PropertySchemas lookup(DefinitionRegistry registry) {
    Map<Definition, Optional<JsonNode>> cache = new ConcurrentHashMap<>();
    return (kind, type) -> {
      Optional<Definition> d =
          switch (kind) {
            case COMPONENT ->
                registry
                    .find(Definition.Kind.COMPONENT, type)
                    .or(() -> registry.find(Definition.Kind.WORKLOAD, type));
            case TRAIT -> registry.find(Definition.Kind.TRAIT, type);
            case POLICY -> registry.find(Definition.Kind.POLICY, type);
          };
      return d.flatMap(
              def ->
                  cache.computeIfAbsent(
                      def,
                      x -> {
                        try {
                          ParameterSchema s = of(x);
                          return s.known() ? Optional.of(s.schema) : Optional.empty();
                        } catch (RenderException e) {
                          return Optional.empty();
                        }
                      }))
          .map(JsonNode::deepCopy);
    };
  }

  /**
   * The definition described.
   *
   * @return the definition
   */
  public Definition definition() {
    return definition;
  }

  /**
   * Whether the schema says anything: false for a definition without CUE template or kube
   * parameters, whose schema accepts any properties.
   *
   * @return whether the parameters are known
   */
  public boolean known() {
    return known;
  }

  /**
   * The schema, {@code $schema} first.
   *
   * @return a copy of the tree
   */
  public ObjectNode json() {
    return schema.deepCopy();
  }

  /**
   * The schema as JSON text, indented by two spaces, with a trailing newline.
   *
   * @return the text
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(schema) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ParameterSchema(" + definition.display() + ")";
  }

  // ------------------------------------------------------------------ CUE

  private static ObjectNode cue(Definition definition, String template) {
    String file =
        definition.location().source() == null
            ? definition.display()
            : definition.location().source();
    JsonNode described;
    try {
      described =
          CueCompiler.create()
              .compile(file, template + "\ncontext: _\nparameter: _\n")
              .evaluate()
              .lookup("parameter")
              .jsonSchema();
    } catch (CueException e) {
      throw new RenderException(
          CueDiagnostics.of(e, DiagnosticCodes.INVALID_DEFINITION, definition.display()));
    }
    ObjectNode out = F.objectNode();
    out.put("$schema", DIALECT);
    if (described instanceof ObjectNode o) {
      fix(o, null);
      out.setAll(o);
    }
    return out;
  }

  /** KubeVela's FixOpenAPISchema, applied everywhere (see vela-render/README.md). */
  private static void fix(JsonNode node, @Nullable String title) {
    if (!(node instanceof ObjectNode s)) {
      return;
    }
    if (title != null) {
      s.put("title", title);
    }
    JsonNode d = s.get("description");
    if (d != null && d.isTextual()) {
      String usage = usage(d.textValue());
      if (usage.isEmpty()) {
        s.remove("description");
      } else {
        s.put("description", usage);
      }
    }
    JsonNode props = s.get("properties");
    if (props != null) {
      props.properties().forEach(e -> fix(e.getValue(), e.getKey()));
    }
    JsonNode patterns = s.get("patternProperties");
    if (patterns != null) {
      patterns.properties().forEach(e -> fix(e.getValue(), null));
    }
    for (String k : List.of("items", "additionalProperties", "not")) {
      fix(s.path(k), null);
    }
    for (String k : List.of("prefixItems", "oneOf", "anyOf", "allOf")) {
      s.path(k).forEach(x -> fix(x, null));
    }
  }

  /**
   * The description KubeVela shows: the text of a {@code +usage=} line (and the untagged lines that
   * follow it), else the untagged lines; tag lines ({@code +short=i}, {@code +ignore}) dropped.
   */
  static String usage(String doc) {
    List<String> lines = doc.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("+usage=")) {
        List<String> keep = new ArrayList<>();
        keep.add(l.substring("+usage=".length()));
        for (int j = i + 1; j < lines.size() && !lines.get(j).strip().startsWith("+"); j++) {
          keep.add(lines.get(j).strip());
        }
        return String.join("\n", keep).strip();
      }
    }
    List<String> keep = new ArrayList<>();
    for (String line : lines) {
      if (!line.strip().startsWith("+")) {
        keep.add(line.strip());
      }
    }
    return String.join("\n", keep).strip();
  }

  // ------------------------------------------------------------------ kube

  private static ObjectNode kube(Schematic.Kube kube) {
    ObjectNode out = F.objectNode();
    out.put("$schema", DIALECT);
    out.put("type", "object");
    ArrayNode required = F.arrayNode();
    ObjectNode props = F.objectNode();
    for (Schematic.KubeParameter p : kube.parameters()) {
      ObjectNode s = props.putObject(p.name());
      s.put("type", List.of("number", "boolean").contains(p.type()) ? p.type() : "string");
      s.put("title", p.name());
      s.put(
          "description",
          p.description() != null && !p.description().isBlank()
              ? p.description().strip()
              : "The value will be applied to fields: [" + String.join(",", p.fieldPaths()) + "].");
      if (Boolean.TRUE.equals(p.required())) {
        required.add(p.name());
      }
    }
    if (!required.isEmpty()) {
      out.set("required", required);
    }
    out.set("properties", props);
    out.put("additionalProperties", false);
    return out;
  }
}
