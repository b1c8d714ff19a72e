package io.vela4j.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAPI v3 schema as CRDs use it: {@code type}, {@code properties}, {@code required}, {@code
 * items}, {@code additionalProperties}, {@code enum}, {@code nullable}, bounds ({@code
 * minimum/maximum/exclusive*}, {@code minLength/maxLength}, {@code minItems/maxItems}, {@code
 * minProperties/maxProperties}), {@code pattern} (RE2), {@code allOf/anyOf/oneOf/not}, and the
 * Kubernetes extensions {@code x-kubernetes-preserve-unknown-fields}, {@code
 * x-kubernetes-int-or-string} and {@code x-kubernetes-embedded-resource}.
 *
 * <p>Fields the schema does not declare are reported as {@code UNKNOWN_FIELD} warnings (the API
 * server prunes them silently). Immutable and thread-safe.
 */
public final class OpenApiSchema {
  private final JsonNode schema;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private OpenApiSchema(JsonNode schema) {
    this.schema = schema;
  }

  /** A validator for the given {@code openAPIV3Schema} node. */
  public static OpenApiSchema of(JsonNode openApiV3Schema) {
    return new OpenApiSchema(openApiV3Schema.deepCopy());
  }

  /** The schema itself. */
  public JsonNode schema() {
    return schema.deepCopy();
  }

  private record Task(JsonNode value, JsonNode schema, String path) {}

  /** Every violation of the schema by {@code value}, with field paths; iterative. */
  public List<Diagnostic> validate(JsonNode value) {
    List<Diagnostic> out = new ArrayList<>();
    var work = new ArrayDeque<Task>();
    work.push(new Task(value, schema, ""));
    while (!work.isEmpty()) {
      Task t = work.pop();
      check(t.value(), t.schema(), t.path(), out, work);
    }
    return out;
  }

  private void check(
      JsonNode v, JsonNode s, String path, List<Diagnostic> out, ArrayDeque<Task> work) {
    if (v.isNull()) {
      if (!s.path("nullable").asBoolean(false) && s.has("type")) {
        out.add(
            error(
                DiagnosticCodes.UNEXPECTED_NULL,
                "null is not allowed here",
                path,
                type(s),
                "null"));
      }
      return;
    }
    for (JsonNode sub : s.path("allOf")) {
      work.push(new Task(v, sub, path));
    }
    if (s.has("anyOf") && count(v, s.get("anyOf"), path) == 0) {
      out.add(
          error(
              DiagnosticCodes.SCHEMA_ANY_OF_MISMATCH,
              "matches none of the anyOf schemas",
              path,
              "anyOf",
              kind(v)));
    }
    if (s.has("oneOf") && count(v, s.get("oneOf"), path) != 1) {
      out.add(
          error(
              DiagnosticCodes.SCHEMA_ONE_OF_MISMATCH,
              "must match exactly one oneOf schema",
              path,
              "oneOf",
              kind(v)));
    }
    if (s.has("not") && new OpenApiSchema(s.get("not")).errorsOnly(v).isEmpty()) {
      out.add(
          error(
              DiagnosticCodes.SCHEMA_NOT_MISMATCH,
              "matches a schema it must not match",
              path,
              "not",
              kind(v)));
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!(v.isIntegralNumber() || v.isTextual())) {
        out.add(
            error(
                DiagnosticCodes.INVALID_TYPE,
                "expected integer or string",
                path,
                "integer or string",
                kind(v)));
      }
      return;
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!v.isObject()) {
          out.add(typeError(path, "object", v));
          return;
        }
        checkObject(v, s, path, out, work);
      }
      case "array" -> {
        if (!v.isArray()) {
          out.add(typeError(path, "array", v));
          return;
        }
        int n = v.size();
        if (s.has("minItems") && n < s.get("minItems").asInt()) {
          out.add(
              error(
                  DiagnosticCodes.TOO_FEW_ITEMS,
                  "fewer than " + s.get("minItems").asInt() + " items",
                  path,
                  null,
                  String.valueOf(n)));
        }
        if (s.has("maxItems") && n > s.get("maxItems").asInt()) {
          out.add(
              error(
                  DiagnosticCodes.TOO_MANY_ITEMS,
                  "more than " + s.get("maxItems").asInt() + " items",
                  path,
                  null,
                  String.valueOf(n)));
        }
        JsonNode items = s.get("items");
        if (items != null && items.isObject()) {
          for (int i = n - 1; i >= 0; i--) {
            work.push(new Task(v.get(i), items, FieldPaths.index(path, i)));
          }
        }
      }
      case "string" -> {
        if (!v.isTextual()) {
          out.add(typeError(path, "string", v));
          return;
        }
        String text = v.asText();
        int len = text.codePointCount(0, text.length());
        if (s.has("minLength") && len < s.get("minLength").asInt()) {
          out.add(
              error(
                  DiagnosticCodes.VALUE_TOO_SHORT,
                  "shorter than " + s.get("minLength").asInt() + " characters",
                  path,
                  null,
                  text));
        }
        if (s.has("maxLength") && len > s.get("maxLength").asInt()) {
          out.add(
              error(
                  DiagnosticCodes.VALUE_TOO_LONG,
                  "longer than " + s.get("maxLength").asInt() + " characters",
                  path,
                  null,
                  String.valueOf(len)));
        }
        if (s.has("pattern")) {
          Pattern p = pattern(s.get("pattern").asText());
          if (p != null && !p.matcher(text).find()) {
            out.add(
                error(
                    DiagnosticCodes.PATTERN_MISMATCH,
                    "does not match " + s.get("pattern").asText(),
                    path,
                    s.get("pattern").asText(),
                    text));
          }
        }
      }
      case "integer" -> {
        if (!(v.isIntegralNumber() || (v.isNumber() && isWhole(v)))) {
          out.add(typeError(path, "integer", v));
          return;
        }
        checkBounds(v, s, path, out);
      }
      case "number" -> {
        if (!v.isNumber()) {
          out.add(typeError(path, "number", v));
          return;
        }
        checkBounds(v, s, path, out);
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          out.add(typeError(path, "boolean", v));
          return;
        }
      }
      default -> {
        if (v.isObject() && (s.has("properties") || s.has("additionalProperties"))) {
          checkObject(v, s, path, out, work);
        }
      }
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode e : s.get("enum")) {
        if (same(e, v)) {
          found = true;
          break;
        }
      }
      if (!found) {
        out.add(
            error(
                DiagnosticCodes.INVALID_ENUM,
                "not one of the allowed values",
                path,
                s.get("enum").toString(),
                v.toString()));
      }
    }
  }

  private void checkObject(
      JsonNode v, JsonNode s, String path, List<Diagnostic> out, ArrayDeque<Task> work) {
    JsonNode props = s.path("properties");
    JsonNode additional = s.get("additionalProperties");
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    for (JsonNode r : s.path("required")) {
      if (!v.has(r.asText())) {
        out.add(
            error(
                DiagnosticCodes.MISSING_FIELD,
                "missing required field \"" + r.asText() + "\"",
                FieldPaths.field(path, r.asText()),
                "a value",
                "nothing"));
      }
    }
    int n = v.size();
    if (s.has("minProperties") && n < s.get("minProperties").asInt()) {
      out.add(
          error(
              DiagnosticCodes.TOO_FEW_PROPERTIES,
              "fewer than " + s.get("minProperties").asInt() + " properties",
              path,
              null,
              String.valueOf(n)));
    }
    if (s.has("maxProperties") && n > s.get("maxProperties").asInt()) {
      out.add(
          error(
              DiagnosticCodes.TOO_MANY_PROPERTIES,
              "more than " + s.get("maxProperties").asInt() + " properties",
              path,
              null,
              String.valueOf(n)));
    }
    List<Task> children = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      var e = it.next();
      String p = FieldPaths.field(path, e.getKey());
      JsonNode ps = props.get(e.getKey());
      if (ps != null
          && e.getKey().equals("metadata")
          && (path.isEmpty() || embedded)
          && !ps.has("properties")) {
        continue; // object metadata is validated by the API server's ObjectMeta, not the CRD
      }
      if (ps != null) {
        children.add(new Task(e.getValue(), ps, p));
      } else if (additional != null && additional.isObject()) {
        children.add(new Task(e.getValue(), additional, p));
      } else if (additional != null && additional.asBoolean(false)) {
        continue;
      } else if (!preserve
          && !(embedded && List.of("apiVersion", "kind", "metadata").contains(e.getKey()))) {
        out.add(
            new Diagnostic(
                Diagnostic.Severity.WARNING,
                DiagnosticCodes.UNKNOWN_FIELD,
                "unknown field \"" + e.getKey() + "\" (the API server would drop it)",
                null,
                0,
                0,
                p,
                props.isObject() && props.size() > 0 ? "one of " + fieldNames(props) : null,
                e.getKey()));
      }
    }
    for (int i = children.size() - 1; i >= 0; i--) {
      work.push(children.get(i));
    }
  }

  private static String fieldNames(JsonNode props) {
    var names = new ArrayList<String>();
    props.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private int count(JsonNode v, JsonNode schemas, String path) {
    int ok = 0;
    for (JsonNode sub : schemas) {
      if (new OpenApiSchema(sub).errorsOnly(v).isEmpty()) {
        ok++;
      }
    }
    return ok;
  }

  private List<Diagnostic> errorsOnly(JsonNode v) {
    return validate(v).stream().filter(Diagnostic::isError).toList();
  }

  private static void checkBounds(JsonNode v, JsonNode s, String path, List<Diagnostic> out) {
    BigDecimal d = v.decimalValue();
    if (s.has("minimum")) {
      int c = d.compareTo(s.get("minimum").decimalValue());
      boolean exclusive = s.path("exclusiveMinimum").asBoolean(false);
      if (c < 0 || (exclusive && c == 0)) {
        out.add(
            error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "below the minimum " + s.get("minimum").asText(),
                path,
                (exclusive ? "> " : ">= ") + s.get("minimum").asText(),
                v.asText()));
      }
    }
    if (s.has("maximum")) {
      int c = d.compareTo(s.get("maximum").decimalValue());
      boolean exclusive = s.path("exclusiveMaximum").asBoolean(false);
      if (c > 0 || (exclusive && c == 0)) {
        out.add(
            error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "above the maximum " + s.get("maximum").asText(),
                path,
                (exclusive ? "< " : "<= ") + s.get("maximum").asText(),
                v.asText()));
      }
    }
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(
        regex,
        r -> {
          try {
            return Pattern.compile(r);
          } catch (PatternSyntaxException e) {
            // a pattern RE2 cannot express (look-around): do not check it rather than guess
            return Pattern.compile("");
          }
        });
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean isWhole(JsonNode n) {
    return n.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private static String type(JsonNode s) {
    return s.path("type").asText("value");
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    } else if (v.isIntegralNumber()) {
      return "integer";
    } else if (v.isNumber()) {
      return "number";
    } else if (v.isBoolean()) {
      return "boolean";
    } else if (v.isArray()) {
      return "array";
    } else if (v.isObject()) {
      return "object";
    }
    return "null";
  }

  private static Diagnostic typeError(String path, String expected, JsonNode v) {
    return error(
        DiagnosticCodes.INVALID_TYPE,
        "expected " + expected + ", found " + kind(v),
        path,
        expected,
        kind(v));
  }

  private static Diagnostic error(
      String code,
      String message,
      String path,
      @org.jspecify.annotations.Nullable String expected,
      @org.jspecify.annotations.Nullable String actual) {
    return Diagnostic.error(code, message, path).withFacts(expected, actual);
  }
}
