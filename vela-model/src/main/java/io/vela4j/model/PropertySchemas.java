package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where an {@link ApplicationValidator} finds the JSON Schema (draft 2020-12) that a component's,
 * trait's or policy's {@code properties} must satisfy, by the definition {@code type} the
 * application names. vela-model knows no definitions; vela-render's {@code
 * ParameterSchema.lookup(registry)} answers from a definition registry. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface PropertySchemas {

  /** What the properties belong to. */
  enum Kind {
    /** A component ({@code spec.components[i].properties}). */
    COMPONENT,
    /** A trait ({@code spec.components[i].traits[j].properties}). */
    TRAIT,
    /** A policy ({@code spec.policies[i].properties}). */
    POLICY
  }

  /**
   * The schema of the properties of a type.
   *
   * @param kind what the properties belong to
   * @param type the type as the application writes it, such as {@code webservice} or {@code
   *     worker@v1.3.1}
   * @return the JSON Schema, or empty when the type is unknown or has no schema (nothing is checked
   *     then)
   */
  Optional<JsonNode> schema(Kind kind, String type);
}
