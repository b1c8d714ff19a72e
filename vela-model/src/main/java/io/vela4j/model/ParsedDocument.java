package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object read from an input, with where its fields were written.
 *
 * @param object the typed object (an OAM type, or a fabric8 {@code GenericKubernetesResource} for
 *     other kinds)
 * @param raw the JSON tree it was bound from
 * @param sourceMap field path to source position, for locating diagnostics
 * @param index the 0-based position of the object in the input (items of a {@code kind: List} count
 *     one each)
 */
public record ParsedDocument(HasMetadata object, JsonNode raw, SourceMap sourceMap, int index) {

  /** The object cast to {@code type}. @throws ReadException if it is of another type */
  public <T extends HasMetadata> T as(Class<T> type) {
    if (!type.isInstance(object)) {
      var loc = sourceMap.locate("");
      throw new ReadException(
          java.util.List.of(
              new Diagnostic(
                  Diagnostic.Severity.ERROR,
                  DiagnosticCodes.UNEXPECTED_KIND,
                  "expected a " + type.getSimpleName() + ", found " + object.getKind(),
                  sourceMap.source(),
                  loc.line(),
                  loc.column(),
                  "kind",
                  HasMetadata.getKind(type),
                  object.getKind())));
    }
    return type.cast(object);
  }
}
