package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.Paths;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Strict reading of a built-in policy's properties, as KubeVela's {@code StrictUnmarshal} reads
 * them: unknown fields and wrong types are errors, each located by its field path.
 */
final class PolicyProperties {
  private final JsonNode node;
  private final String path;
  private final List<Diagnostic> problems;

  private PolicyProperties(JsonNode node, String path, List<Diagnostic> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** A reader of {@code node} (an object, or absent) at {@code path}, allowing {@code fields}. */
  static PolicyProperties of(@Nullable JsonNode node, String path, Set<String> fields) {
    var problems = new ArrayList<Diagnostic>();
    JsonNode n = node == null || node.isNull() ? Json.object() : node;
    if (!n.isObject()) {
      problems.add(
          Diagnostic.error(RenderException.INVALID_POLICY, "properties must be an object", path)
              .withFacts("an object", Json.describe(n)));
      n = Json.object();
    }
    var r = new PolicyProperties(n, path, problems);
    r.only(fields);
    return r;
  }

  PolicyProperties child(JsonNode n, String childPath, Set<String> fields) {
    var r = new PolicyProperties(n.isObject() ? n : Json.object(), childPath, problems);
    if (!n.isObject()) {
      problems.add(
          Diagnostic.error(RenderException.INVALID_POLICY, "expected an object", childPath)
              .withFacts("an object", Json.describe(n)));
    }
    r.only(fields);
    return r;
  }

  private void only(Set<String> fields) {
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!fields.contains(f)) {
                problems.add(
                    Diagnostic.error(
                            RenderException.INVALID_POLICY,
                            "unknown field \"" + f + "\"",
                            Paths.field(path, f))
                        .withFacts(
                            "one of " + String.join(", ", new java.util.TreeSet<>(fields)), f));
              }
            });
  }

  @Nullable JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  String path(String field) {
    return Paths.field(path, field);
  }

  @Nullable String string(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      wrong(field, "a string", v);
      return null;
    }
    return v.textValue();
  }

  boolean bool(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      wrong(field, "a boolean", v);
      return false;
    }
    return v.booleanValue();
  }

  /** A list of strings, or {@code null} when absent (an empty list is not absent). */
  @Nullable List<String> strings(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      wrong(field, "a list of strings", v);
      return null;
    }
    var out = new ArrayList<String>();
    for (int i = 0; i < v.size(); i++) {
      if (v.get(i).isTextual()) {
        out.add(v.get(i).textValue());
      } else {
        problems.add(
            Diagnostic.error(
                    RenderException.INVALID_POLICY,
                    "expected a string",
                    Paths.index(path(field), i))
                .withFacts("a string", Json.describe(v.get(i))));
      }
    }
    return out;
  }

  Map<String, String> stringMap(String field) {
    JsonNode v = get(field);
    var out = new LinkedHashMap<String, String>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      wrong(field, "a map of strings", v);
      return out;
    }
    v.properties()
        .forEach(
            e -> {
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
              } else {
                problems.add(
                    Diagnostic.error(
                            RenderException.INVALID_POLICY,
                            "expected a string",
                            Paths.field(path(field), e.getKey()))
                        .withFacts("a string", Json.describe(e.getValue())));
              }
            });
    return out;
  }

  void wrong(String field, String expected, JsonNode found) {
    problems.add(
        Diagnostic.error(RenderException.INVALID_POLICY, "expected " + expected, path(field))
            .withFacts(expected, Json.describe(found)));
  }

  void problem(Diagnostic d) {
    problems.add(d);
  }

  List<Diagnostic> problems() {
    return problems;
  }

  void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new RenderException(List.copyOf(problems));
    }
  }
}
