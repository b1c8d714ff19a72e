package io.vela4j.model.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import io.vela4j.model.oam.OamResource;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks a JSON tree against the shape of a Vela4J model type before it is bound: JSON types,
 * required fields, unknown fields. The record declarations are the single source of truth: a
 * component annotated {@code @JsonProperty(required = true)} is required; {@code JsonNode}
 * components must be objects (every free-form field of the KubeVela CRDs is an object). Reports
 * every problem, iteratively. Thread-safe. Not API.
 */
public final class StructuralChecker {
  private record Field(String json, Type type, boolean required) {}

  private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

  private StructuralChecker() {}

  private record Task(JsonNode node, Type type, String path) {}

  /**
   * Checks {@code root} against {@code type}; unknown fields are warnings, or errors when {@code
   * strict}. Returned diagnostics carry paths, not positions.
   */
  public static List<Diagnostic> check(JsonNode root, Type type, boolean strict) {
    List<Diagnostic> out = new ArrayList<>();
    var work = new ArrayDeque<Task>();
    work.push(new Task(root, type, ""));
    while (!work.isEmpty()) {
      Task t = work.pop();
      checkOne(t, strict, out, work);
    }
    return out;
  }

  private static void checkOne(
      Task t, boolean strict, List<Diagnostic> out, ArrayDeque<Task> work) {
    JsonNode n = t.node();
    Type type = t.type();
    Class<?> raw = rawClass(type);
    if (n.isNull()) {
      return; // like Go's decoder: null leaves the zero value; required fields are checked by the
      // parent
    }
    if (raw == String.class) {
      expect(n.isTextual(), "string", n, t.path(), out);
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      boolean ok = n.isIntegralNumber() || (n.isNumber() && isWhole(n));
      if (ok && (raw == Integer.class || raw == int.class) && !n.canConvertToInt()) {
        out.add(
            Diagnostic.error(DiagnosticCodes.INVALID_TYPE, "integer out of range", t.path())
                .withFacts("a 32-bit integer", n.asText()));
        return;
      }
      expect(ok, "integer", n, t.path(), out);
    } else if (raw == Boolean.class || raw == boolean.class) {
      expect(n.isBoolean(), "boolean", n, t.path(), out);
    } else if (JsonNode.class.isAssignableFrom(raw)) {
      expect(n.isObject(), "object", n, t.path(), out);
    } else if (List.class.isAssignableFrom(raw)) {
      if (expect(n.isArray(), "list", n, t.path(), out)) {
        Type elem = typeArg(type, 0);
        for (int i = n.size() - 1; i >= 0; i--) {
          JsonNode e = n.get(i);
          String p = FieldPaths.index(t.path(), i);
          if (e.isNull()) {
            out.add(
                Diagnostic.error(DiagnosticCodes.INVALID_TYPE, "list element is null", p)
                    .withFacts(describe(rawClass(elem)), "null"));
          } else {
            work.push(new Task(e, elem, p));
          }
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (expect(n.isObject(), "object", n, t.path(), out)) {
        Type value = typeArg(type, 1);
        var entries = new ArrayList<Map.Entry<String, JsonNode>>();
        n.properties().forEach(entries::add);
        for (int i = entries.size() - 1; i >= 0; i--) {
          var e = entries.get(i);
          work.push(new Task(e.getValue(), value, FieldPaths.field(t.path(), e.getKey())));
        }
      }
    } else if (raw == ObjectMeta.class) {
      checkMetadata(n, t.path(), out);
    } else if (OamResource.class.isAssignableFrom(raw)) {
      if (expect(n.isObject(), "object", n, t.path(), out)) {
        Type spec = specType(raw);
        var known = new LinkedHashMap<String, Field>();
        known.put("apiVersion", new Field("apiVersion", String.class, false));
        known.put("kind", new Field("kind", String.class, false));
        known.put("metadata", new Field("metadata", ObjectMeta.class, false));
        known.put("spec", new Field("spec", spec, false));
        known.put("status", new Field("status", JsonNode.class, false));
        checkFields(n, t.path(), known, strict, out, work);
      }
    } else if (raw.isRecord()) {
      if (expect(n.isObject(), "object", n, t.path(), out)) {
        checkFields(n, t.path(), fields(raw), strict, out, work);
      }
    }
  }

  private static void checkFields(
      JsonNode n,
      String path,
      Map<String, Field> known,
      boolean strict,
      List<Diagnostic> out,
      ArrayDeque<Task> work) {
    var pending = new ArrayList<Task>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      Field f = known.get(e.getKey());
      String p = FieldPaths.field(path, e.getKey());
      if (f == null) {
        String allowed = String.join(", ", known.keySet());
        String message = "unknown field \"" + e.getKey() + "\"" + suggestion(e.getKey(), known);
        out.add(
            new Diagnostic(
                strict ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING,
                DiagnosticCodes.UNKNOWN_FIELD,
                message,
                null,
                0,
                0,
                p,
                "one of " + allowed,
                e.getKey()));
      } else {
        pending.add(new Task(e.getValue(), f.type(), p));
      }
    }
    for (Field f : known.values()) {
      JsonNode v = n.get(f.json());
      if (f.required() && (v == null || v.isNull())) {
        out.add(
            Diagnostic.error(
                    DiagnosticCodes.MISSING_FIELD,
                    "missing required field \"" + f.json() + "\"",
                    FieldPaths.field(path, f.json()))
                .withFacts(describe(rawClass(f.type())), v == null ? "nothing" : "null"));
      } else if (f.required() && v.isTextual() && v.asText().isEmpty()) {
        out.add(
            Diagnostic.error(
                    DiagnosticCodes.EMPTY_FIELD,
                    "required field \"" + f.json() + "\" is empty",
                    FieldPaths.field(path, f.json()))
                .withFacts("a non-empty string", "\"\""));
      }
    }
    for (int i = pending.size() - 1; i >= 0; i--) {
      work.push(pending.get(i));
    }
  }

  private static String suggestion(String key, Map<String, Field> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known.keySet()) {
      int d =
          distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(1, key.length() / 3)
        ? " (did you mean \"" + best + "\"?)"
        : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] tmp = prev;
      prev = cur;
      cur = tmp;
    }
    return prev[b.length()];
  }

  private static void checkMetadata(JsonNode n, String path, List<Diagnostic> out) {
    if (!expect(n.isObject(), "object", n, path, out)) {
      return;
    }
    for (String s : List.of("name", "namespace", "generateName", "uid", "resourceVersion")) {
      JsonNode v = n.get(s);
      if (v != null && !v.isNull()) {
        expect(v.isTextual(), "string", v, FieldPaths.field(path, s), out);
      }
    }
    for (String m : List.of("labels", "annotations")) {
      JsonNode v = n.get(m);
      String mp = FieldPaths.field(path, m);
      if (v != null && !v.isNull() && expect(v.isObject(), "object", v, mp, out)) {
        v.properties()
            .forEach(
                e -> {
                  if (!e.getValue().isTextual()) {
                    out.add(
                        Diagnostic.error(
                                DiagnosticCodes.INVALID_TYPE,
                                m.substring(0, m.length() - 1)
                                    + " values must be strings: quote it",
                                FieldPaths.field(mp, e.getKey()))
                            .withFacts("string", describe(e.getValue())));
                  }
                });
      }
    }
  }

  private static boolean expect(
      boolean ok, String expected, JsonNode n, String path, List<Diagnostic> out) {
    if (!ok) {
      out.add(
          Diagnostic.error(
                  DiagnosticCodes.INVALID_TYPE,
                  "expected " + expected + ", found " + describe(n),
                  path)
              .withFacts(expected, describe(n) + valueHint(n)));
    }
    return ok;
  }

  private static String valueHint(JsonNode n) {
    if (n.isValueNode()) {
      String s = n.asText();
      return " " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
    return "";
  }

  /** The JSON type name of {@code n} as a user reads it. */
  public static String describe(JsonNode n) {
    if (n.isTextual()) {
      return "string";
    } else if (n.isIntegralNumber()) {
      return "integer";
    } else if (n.isNumber()) {
      return "number";
    } else if (n.isBoolean()) {
      return "boolean";
    } else if (n.isArray()) {
      return "list";
    } else if (n.isObject()) {
      return "object";
    } else if (n.isNull()) {
      return "null";
    }
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String describe(Class<?> raw) {
    if (raw == String.class) {
      return "string";
    } else if (List.class.isAssignableFrom(raw)) {
      return "list";
    } else if (raw == Integer.class || raw == int.class || raw == long.class) {
      return "integer";
    } else if (raw == Boolean.class) {
      return "boolean";
    }
    return "object";
  }

  private static boolean isWhole(JsonNode n) {
    try {
      n.decimalValue().toBigIntegerExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static Map<String, Field> fields(Class<?> record) {
    return FIELDS.computeIfAbsent(
        record,
        r -> {
          var m = new LinkedHashMap<String, Field>();
          for (RecordComponent c : r.getRecordComponents()) {
            JsonProperty jp = c.getAnnotation(JsonProperty.class);
            if (jp == null) {
              jp = c.getAccessor().getAnnotation(JsonProperty.class);
            }
            String name = jp != null && !jp.value().isEmpty() ? jp.value() : c.getName();
            m.put(name, new Field(name, c.getGenericType(), jp != null && jp.required()));
          }
          return m;
        });
  }

  private static Type specType(Class<?> resource) {
    Type t = resource.getGenericSuperclass();
    while (t != null) {
      if (t instanceof ParameterizedType pt && pt.getRawType() == OamResource.class) {
        return pt.getActualTypeArguments()[0];
      }
      t = rawClass(t).getGenericSuperclass();
    }
    return JsonNode.class;
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    } else if (t instanceof ParameterizedType pt) {
      return (Class<?>) pt.getRawType();
    } else if (t instanceof TypeVariable<?>) {
      return Object.class;
    }
    return Object.class;
  }

  private static Type typeArg(Type t, int i) {
    if (t instanceof ParameterizedType pt && pt.getActualTypeArguments().length > i) {
      return pt.getActualTypeArguments()[i];
    }
    return JsonNode.class;
  }

  /** The JSON names of the fields of a record type, in declaration order (for messages). */
  public static String fieldNames(Class<?> record) {
    return fields(record).keySet().stream().collect(Collectors.joining(", "));
  }
}
