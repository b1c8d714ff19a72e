package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vela4j.model.internal.JsonSchema;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationSpec;
import io.vela4j.model.oam.ApplicationTrait;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The properties of an application's components, traits and policies against their types' JSON
 * Schemas, for {@link ApplicationValidator#withPropertySchemas}. Absent properties are checked as
 * {@code {}} (a template then sees only its defaults).
 */
final class PropertyChecks {

  private PropertyChecks() {}

  /** A type's validator, or why its schema is not understood. */
  private record Checker(@Nullable JsonSchema validator, @Nullable String unsupported) {}

  static void check(ApplicationSpec spec, PropertySchemas schemas, List<Diagnostic> out) {
    // one lookup (a copy of the schema) and one compiled validator per type, however often used
    Map<String, Optional<Checker>> checkers = new HashMap<>();
    List<ApplicationComponent> components = spec.components();
    for (int i = 0; i < components.size(); i++) {
      ApplicationComponent c = components.get(i);
      String p = FieldPaths.index("spec.components", i);
      one(schemas, checkers, PropertySchemas.Kind.COMPONENT, c.type(), c.properties(), p, out);
      for (int j = 0; j < c.traits().size(); j++) {
        ApplicationTrait t = c.traits().get(j);
        one(
            schemas,
            checkers,
            PropertySchemas.Kind.TRAIT,
            t.type(),
            t.properties(),
            FieldPaths.index(p + ".traits", j),
            out);
      }
    }
    List<AppPolicy> policies = spec.policies();
    for (int i = 0; i < policies.size(); i++) {
      AppPolicy pol = policies.get(i);
      one(
          schemas,
          checkers,
          PropertySchemas.Kind.POLICY,
          pol.type(),
          pol.properties(),
          FieldPaths.index("spec.policies", i),
          out);
    }
  }

  private static void one(
      PropertySchemas schemas,
      Map<String, Optional<Checker>> checkers,
      PropertySchemas.Kind kind,
      @Nullable String type,
      @Nullable JsonNode properties,
      String owner,
      List<Diagnostic> out) {
    if (type == null || type.isBlank()) {
      return;
    }
    Optional<Checker> checker =
        checkers.computeIfAbsent(
            kind + "/" + type,
            k ->
                schemas
                    .schema(kind, type)
                    .map(
                        schema -> {
                          try {
                            return new Checker(JsonSchema.of(schema), null);
                          } catch (IllegalArgumentException e) {
                            return new Checker(null, String.valueOf(e.getMessage()));
                          }
                        }));
    if (checker.isEmpty()) {
      return;
    }
    JsonSchema validator = checker.get().validator();
    if (validator == null) {
      out.add(
          Diagnostic.warning(
                  DiagnosticCodes.UNSUPPORTED_SCHEMA,
                  "the properties of " + type + " are not checked: " + checker.get().unsupported(),
                  owner + ".type")
              .withFacts("a JSON Schema of the supported subset", type));
      return;
    }
    JsonNode value =
        properties == null || properties.isNull()
            ? JsonNodeFactory.instance.objectNode()
            : properties;
    out.addAll(validator.validate(value, owner + ".properties"));
  }
}
