package io.vela4j.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A JSON Schema (draft 2020-12) validator for the subset that Vela4J's parameter schemas use (the
 * schemas {@code CueValue.jsonSchema()} and vela-render's {@code ParameterSchema} write): {@code
 * type} (a name or a list), {@code properties}, {@code required}, {@code additionalProperties},
 * {@code patternProperties}, {@code items}, {@code prefixItems}, {@code enum}, {@code const},
 * {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum}, {@code
 * multipleOf}, {@code pattern} (RE2/J), {@code minLength}/{@code maxLength}, {@code
 * minItems}/{@code maxItems}, {@code uniqueItems}, {@code minProperties}/{@code maxProperties},
 * {@code oneOf}/{@code anyOf}/{@code allOf}/{@code not}; annotations ({@code title}, {@code
 * description}, {@code default}, {@code format}, {@code examples}, {@code $schema}, {@code
 * $comment}, {@code deprecated}, {@code readOnly}, {@code writeOnly}) are read but assert nothing.
 * Hand-written so that vela-model takes no new dependency; {@link #of} rejects a schema that uses
 * any other keyword, or a keyword with a value of the wrong shape, rather than ignore it.
 *
 * <p>Because these schemas describe CUE values, three readings follow CUE rather than the letter of
 * the specification, and say so:
 *
 * <ul>
 *   <li>A {@code required} property that is absent is not a problem when its schema gives it a
 *       value: a {@code default} (the template fills it in, as the Kubernetes API server defaults
 *       before it validates), or an {@code object} or {@code array} type whose empty value is valid
 *       (a CUE struct or list type is itself a value: {@code labels: [string]: string} is {@code
 *       {}}, {@code [...string]} is {@code []}).
 *   <li>{@code oneOf} is a CUE disjunction: an alternative the value contradicts is out, one it
 *       merely leaves incomplete (required properties missing) is not; one alternative left must be
 *       complete; several left are fine when the schema has a {@code default} (CUE takes the
 *       default term) and ambiguous otherwise, as {@code cue export} finds them.
 *   <li>A property that an {@code object} schema with {@code properties} does not declare, where
 *       the schema says nothing about other properties, is an {@code DiagnosticCodes.UNKNOWN_FIELD}
 *       <em>warning</em>: CUE accepts it in an open struct and KubeVela ignores it, so it is most
 *       likely a typo. With {@code additionalProperties: false} (a closed CUE struct) it is an
 *       error, as in CUE.
 * </ul>
 *
 * <p>Every problem is reported, each as a {@link Diagnostic} with the field path of the value and
 * the expected and found facts. Immutable and thread-safe.
 *
 * <pre>{@code
 * JsonSchema schema = JsonSchema.of(tree);
 * List<Diagnostic> problems = schema.validate(properties, "spec.components[0].properties");
 * }</pre>
 */
public final class JsonSchema {

  /** The {@code $schema} of 2020-12, which {@link #of} accepts (and no other). */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "title",
          "description",
          "default",
          "examples",
          "$comment",
          "deprecated",
          "readOnly",
          "writeOnly",
          "format");

  private static final Set<String> TYPES =
      Set.of("null", "boolean", "object", "array", "number", "integer", "string");

  private final JsonNode schema;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private JsonSchema(JsonNode schema) {
    this.schema = schema;
  }

  /**
   * A validator for a schema, after checking that the schema is one this class understands: every
   * keyword known (see the class comment) and of the right shape, every {@code pattern} an RE2
   * expression, {@code $schema} (allowed at the top only) the 2020-12 dialect.
   *
   * @param schema a JSON Schema: an object, or {@code true}/{@code false}
   * @return the validator
   * @throws IllegalArgumentException naming the JSON Pointer of the first keyword that is unknown
   *     or ill-formed
   */
  public static JsonSchema of(JsonNode schema) {
    List<String> problems = problems(schema);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("not a supported JSON Schema: " + problems.get(0));
    }
    return new JsonSchema(schema.deepCopy());
  }

  /**
   * What is wrong with a schema in the terms of {@link #of}: one line per problem, each starting
   * with the JSON Pointer of the keyword ({@code /properties/replicas/type: ...}).
   *
   * @param schema a JSON Schema
   * @return the problems, empty when {@link #of} would accept it
   */
  public static List<String> problems(JsonNode schema) {
    List<String> out = new ArrayList<>();
    check(schema, "", true, out);
    return out;
  }

  /**
   * The schema.
   *
   * @return a copy of the tree
   */
  public JsonNode schema() {
    return schema.deepCopy();
  }

  /**
   * Every problem of a value against this schema.
   *
   * @param value the JSON value
   * @param path the field path of the value, such as {@code spec.components[0].properties}; the
   *     diagnostics' paths extend it
   * @return the problems, errors and warnings, in document order
   */
  public List<Diagnostic> validate(JsonNode value, String path) {
    List<Diagnostic> out = new ArrayList<>();
    check(value, schema, path, out);
    return out;
  }

  // ------------------------------------------------------------------ the schema itself

  private static void check(JsonNode s, String at, boolean top, List<String> out) {
    if (s.isBoolean()) {
      return;
    }
    if (!s.isObject()) {
      out.add(at + ": a schema must be an object or a boolean");
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      String p = at + "/" + k.replace("~", "~0").replace("/", "~1");
      switch (k) {
        case "$schema" -> {
          if (!top || !DIALECT.equals(v.asText(null))) {
            out.add(p + ": only \"" + DIALECT + "\" at the top is supported");
          }
        }
        case "type" -> {
          if (v.isTextual()) {
            requireType(v.textValue(), p, out);
          } else if (v.isArray() && !v.isEmpty()) {
            v.forEach(t -> requireType(t.asText(""), p, out));
          } else {
            out.add(p + ": must be a type name or a non-empty list of them");
          }
        }
        case "properties", "patternProperties" -> {
          if (!v.isObject()) {
            out.add(p + ": must be an object of schemas");
          } else {
            v.fields()
                .forEachRemaining(
                    f -> {
                      String q = p + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                      if (k.equals("patternProperties") && compile(f.getKey()) == null) {
                        out.add(q + ": not an RE2 regular expression");
                      }
                      check(f.getValue(), q, false, out);
                    });
          }
        }
        case "additionalProperties", "items", "not" -> check(v, p, false, out);
        case "prefixItems", "oneOf", "anyOf", "allOf" -> {
          if (!v.isArray() || v.isEmpty()) {
            out.add(p + ": must be a non-empty list of schemas");
          } else {
            for (int i = 0; i < v.size(); i++) {
              check(v.get(i), p + "/" + i, false, out);
            }
          }
        }
        case "required" -> {
          if (!v.isArray()) {
            out.add(p + ": must be a list of property names");
          } else {
            v.forEach(
                r -> {
                  if (!r.isTextual()) {
                    out.add(p + ": must be a list of property names");
                  }
                });
          }
        }
        case "enum" -> {
          if (!v.isArray()) {
            out.add(p + ": must be a list");
          }
        }
        case "const", "default", "examples" -> {}
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
          if (!v.isNumber()) {
            out.add(p + ": must be a number");
          }
        }
        case "multipleOf" -> {
          if (!v.isNumber() || v.decimalValue().signum() <= 0) {
            out.add(p + ": must be a number greater than 0");
          }
        }
        case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" -> {
          if (!v.isIntegralNumber() || v.asLong() < 0) {
            out.add(p + ": must be a non-negative integer");
          }
        }
        case "uniqueItems", "deprecated", "readOnly", "writeOnly" -> {
          if (!v.isBoolean()) {
            out.add(p + ": must be a boolean");
          }
        }
        case "pattern" -> {
          if (!v.isTextual() || compile(v.textValue()) == null) {
            out.add(p + ": must be an RE2 regular expression");
          }
        }
        case "title", "description", "format", "$comment" -> {
          if (!v.isTextual()) {
            out.add(p + ": must be a string");
          }
        }
        default -> out.add(p + ": unknown keyword");
      }
    }
  }

  private static void requireType(String t, String p, List<String> out) {
    if (!TYPES.contains(t)) {
      out.add(p + ": unknown type \"" + t + "\"");
    }
  }

  private static @Nullable Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ validation

  private void check(JsonNode v, JsonNode s, String path, List<Diagnostic> out) {
    if (s.isBoolean()) {
      if (!s.booleanValue()) {
        out.add(
            error(
                DiagnosticCodes.INVALID_TYPE,
                "no value is allowed here",
                path,
                "nothing",
                describe(v)));
      }
      return;
    }
    JsonNode type = s.get("type");
    if (type != null && !typeMatches(type, v)) {
      out.add(
          error(DiagnosticCodes.INVALID_TYPE, "wrong type", path, typeNames(type), describe(v)));
      return;
    }
    if (s.has("const") && !same(s.get("const"), v)) {
      out.add(
          error(
              DiagnosticCodes.INVALID_ENUM,
              "not the allowed value",
              path,
              s.get("const").toString(),
              describe(v)));
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode e : s.get("enum")) {
        found |= same(e, v);
      }
      if (!found) {
        out.add(
            error(
                DiagnosticCodes.INVALID_ENUM,
                "not one of the allowed values",
                path,
                "one of " + values(s.get("enum")),
                describe(v)));
      }
    }
    if (v.isNumber()) {
      checkNumber(v, s, path, out);
    } else if (v.isTextual()) {
      checkString(v.textValue(), s, path, out);
    } else if (v.isArray()) {
      checkArray(v, s, path, out);
    } else if (v.isObject()) {
      checkObject(v, s, path, out);
    }
    for (JsonNode sub : s.path("allOf")) {
      check(v, sub, path, out);
    }
    for (String k : List.of("oneOf", "anyOf")) {
      JsonNode alts = s.get(k);
      if (alts != null) {
        alternatives(v, alts, k.equals("oneOf"), s.has("default"), path, out);
      }
    }
    JsonNode not = s.get("not");
    if (not != null) {
      List<Diagnostic> ds = new ArrayList<>();
      check(v, not, path, ds);
      if (ds.stream().noneMatch(Diagnostic::isError)) {
        out.add(
            error(
                DiagnosticCodes.SCHEMA_NOT_MISMATCH,
                "matches what it must not",
                path,
                "not " + not,
                describe(v)));
      }
    }
  }

  /**
   * {@code anyOf}, or {@code oneOf} read as a CUE disjunction: an alternative with errors other
   * than missing properties is out; one whose only problems are missing properties is still in (for
   * CUE it is incomplete, not wrong). No alternative left: the problems of the nearest one, or a
   * summary. One left: its missing properties. Several left: fine when the schema has a {@code
   * default} (CUE takes the default term), else ambiguous, as {@code cue export} finds it.
   */
  private void alternatives(
      JsonNode v,
      JsonNode alts,
      boolean disjunction,
      boolean hasDefault,
      String path,
      List<Diagnostic> out) {
    List<Diagnostic> closest = null;
    boolean unique = false;
    List<List<Diagnostic>> left = new ArrayList<>();
    int complete = 0;
    for (JsonNode alt : alts) {
      List<Diagnostic> ds = new ArrayList<>();
      check(v, alt, path, ds);
      List<Diagnostic> errors = ds.stream().filter(Diagnostic::isError).toList();
      if (errors.isEmpty()) {
        complete++;
        left.add(errors);
        if (!disjunction) {
          return;
        }
        continue;
      }
      if (disjunction
          && errors.stream().allMatch(e -> e.code().equals(DiagnosticCodes.MISSING_FIELD))) {
        left.add(errors);
        continue;
      }
      if (closest == null || errors.size() < closest.size()) {
        closest = errors;
        unique = true;
      } else if (errors.size() == closest.size()) {
        unique = false;
      }
    }
    if (left.size() == 1) {
      out.addAll(left.get(0));
      return;
    }
    if (left.size() > 1) {
      if (!hasDefault && !(complete == left.size() && complete == 1)) {
        out.add(
            error(
                DiagnosticCodes.SCHEMA_ONE_OF_MISMATCH,
                "ambiguous: matches "
                    + left.size()
                    + " of the alternatives and none is the default (give the properties that"
                    + " tell them apart)",
                path,
                "one of " + alternatives(alts),
                describe(v)));
      }
      return;
    }
    // one alternative nearer than the others: its problems, at their own paths, say the most
    if (closest != null && unique) {
      out.addAll(closest);
    } else {
      out.add(
          error(
              DiagnosticCodes.SCHEMA_ONE_OF_MISMATCH,
              "matches none of the "
                  + alts.size()
                  + " alternatives"
                  + (closest == null || closest.isEmpty()
                      ? ""
                      : "; the closest: " + closest.get(0).format()),
              path,
              "one of " + alternatives(alts),
              describe(v)));
    }
  }

  private static boolean typeMatches(JsonNode type, JsonNode v) {
    if (type.isTextual()) {
      return typeMatches(type.textValue(), v);
    }
    for (JsonNode t : type) {
      if (typeMatches(t.asText(""), v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean typeMatches(String t, JsonNode v) {
    return switch (t) {
      case "null" -> v.isNull();
      case "boolean" -> v.isBoolean();
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "number" -> v.isNumber();
      case "integer" ->
          v.isIntegralNumber()
              || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
      case "string" -> v.isTextual();
      default -> false;
    };
  }

  private static String typeNames(JsonNode type) {
    if (type.isTextual()) {
      return type.textValue();
    }
    List<String> names = new ArrayList<>();
    type.forEach(t -> names.add(t.asText()));
    return String.join(" or ", names);
  }

  private static void checkNumber(JsonNode v, JsonNode s, String path, List<Diagnostic> out) {
    BigDecimal d = v.decimalValue();
    bound(d, s, "minimum", c -> c >= 0, ">= ", path, v, out);
    bound(d, s, "exclusiveMinimum", c -> c > 0, "> ", path, v, out);
    bound(d, s, "maximum", c -> c <= 0, "<= ", path, v, out);
    bound(d, s, "exclusiveMaximum", c -> c < 0, "< ", path, v, out);
    JsonNode m = s.get("multipleOf");
    if (m != null && m.isNumber() && m.decimalValue().signum() > 0) {
      if (d.remainder(m.decimalValue()).signum() != 0) {
        out.add(
            error(
                DiagnosticCodes.VALUE_OUT_OF_RANGE,
                "not a multiple of " + m.asText(),
                path,
                "a multiple of " + m.asText(),
                v.asText()));
      }
    }
  }

  private interface Cmp {
    boolean ok(int comparison);
  }

  private static void bound(
      BigDecimal d,
      JsonNode s,
      String keyword,
      Cmp ok,
      String op,
      String path,
      JsonNode v,
      List<Diagnostic> out) {
    JsonNode b = s.get(keyword);
    if (b != null && b.isNumber() && !ok.ok(d.compareTo(b.decimalValue()))) {
      out.add(
          error(
              DiagnosticCodes.VALUE_OUT_OF_RANGE,
              "out of range",
              path,
              "a number " + op + b.decimalValue().toPlainString(),
              v.asText()));
    }
  }

  private void checkString(String text, JsonNode s, String path, List<Diagnostic> out) {
    int len = text.codePointCount(0, text.length());
    JsonNode min = s.get("minLength");
    if (min != null && len < min.asLong()) {
      out.add(
          error(
              DiagnosticCodes.VALUE_TOO_SHORT,
              "too short",
              path,
              "at least " + min.asLong() + " characters",
              len + " characters"));
    }
    JsonNode max = s.get("maxLength");
    if (max != null && len > max.asLong()) {
      out.add(
          error(
              DiagnosticCodes.VALUE_TOO_LONG,
              "too long",
              path,
              "at most " + max.asLong() + " characters",
              len + " characters"));
    }
    JsonNode p = s.get("pattern");
    if (p != null && p.isTextual()) {
      Pattern re = pattern(p.textValue());
      if (re != null && !re.matcher(text).find()) {
        out.add(
            error(
                DiagnosticCodes.PATTERN_MISMATCH,
                "does not match the pattern",
                path,
                "a string matching " + p.textValue(),
                quote(text)));
      }
    }
  }

  private void checkArray(JsonNode v, JsonNode s, String path, List<Diagnostic> out) {
    int n = v.size();
    JsonNode min = s.get("minItems");
    if (min != null && n < min.asLong()) {
      out.add(
          error(
              DiagnosticCodes.TOO_FEW_ITEMS,
              "too few items",
              path,
              "at least " + min.asLong(),
              n + " items"));
    }
    JsonNode max = s.get("maxItems");
    if (max != null && n > max.asLong()) {
      out.add(
          error(
              DiagnosticCodes.TOO_MANY_ITEMS,
              "too many items",
              path,
              "at most " + max.asLong(),
              n + " items"));
    }
    JsonNode prefix = s.get("prefixItems");
    int prefixed = prefix == null ? 0 : prefix.size();
    for (int i = 0; i < Math.min(prefixed, n); i++) {
      check(v.get(i), prefix.get(i), FieldPaths.index(path, i), out);
    }
    JsonNode items = s.get("items");
    if (items != null) {
      if (items.isBoolean() && !items.booleanValue()) {
        if (n > prefixed) {
          out.add(
              error(
                  DiagnosticCodes.TOO_MANY_ITEMS,
                  "too many items",
                  FieldPaths.index(path, prefixed),
                  prefixed == 0 ? "an empty list" : "exactly " + prefixed + " items",
                  n + " items"));
        }
      } else {
        for (int i = prefixed; i < n; i++) {
          check(v.get(i), items, FieldPaths.index(path, i), out);
        }
      }
    }
    if (s.path("uniqueItems").asBoolean(false)) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          if (same(v.get(i), v.get(j))) {
            out.add(
                error(
                    DiagnosticCodes.DUPLICATE_ITEMS,
                    "duplicate item",
                    FieldPaths.index(path, i),
                    "unique items",
                    "the same value as item " + j));
          }
        }
      }
    }
  }

  private void checkObject(JsonNode v, JsonNode s, String path, List<Diagnostic> out) {
    JsonNode props = s.path("properties");
    for (JsonNode r : s.path("required")) {
      String name = r.asText();
      if (!v.has(name) && !givesValue(props.get(name))) {
        out.add(
            error(
                DiagnosticCodes.MISSING_FIELD,
                "missing required property \"" + name + "\"",
                FieldPaths.field(path, name),
                describeSchema(props.get(name)),
                "nothing"));
      }
    }
    int n = v.size();
    JsonNode minP = s.get("minProperties");
    JsonNode maxP = s.get("maxProperties");
    if ((minP != null && n < minP.asLong()) || (maxP != null && n > maxP.asLong())) {
      out.add(
          error(
              n < (minP == null ? 0 : minP.asLong())
                  ? DiagnosticCodes.TOO_FEW_PROPERTIES
                  : DiagnosticCodes.TOO_MANY_PROPERTIES,
              "wrong number of properties",
              path,
              "between "
                  + (minP == null ? 0 : minP.asLong())
                  + " and "
                  + (maxP == null ? "any" : maxP.asLong()),
              n + " properties"));
    }
    JsonNode patternProps = s.get("patternProperties");
    JsonNode additional = s.get("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      var e = it.next();
      String name = e.getKey();
      String p = FieldPaths.field(path, name);
      boolean declared = false;
      JsonNode ps = props.get(name);
      if (ps != null) {
        declared = true;
        check(e.getValue(), ps, p, out);
      }
      if (patternProps != null) {
        for (Iterator<Map.Entry<String, JsonNode>> pi = patternProps.fields(); pi.hasNext(); ) {
          var pe = pi.next();
          Pattern re = pattern(pe.getKey());
          if (re != null && re.matcher(name).find()) {
            declared = true;
            check(e.getValue(), pe.getValue(), p, out);
          }
        }
      }
      if (declared) {
        continue;
      }
      if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
        out.add(
            unknown(
                Diagnostic.Severity.ERROR, "unknown property \"" + name + "\"", p, props, name));
      } else if (additional != null) {
        check(e.getValue(), additional, p, out);
      } else if (props.isObject() && !props.isEmpty()) {
        out.add(
            unknown(
                Diagnostic.Severity.WARNING,
                "unknown property \"" + name + "\" (the definition ignores it)",
                p,
                props,
                name));
      }
    }
  }

  /** Whether an absent property of this schema still has a value (see the class comment). */
  private boolean givesValue(@Nullable JsonNode s) {
    if (s == null) {
      return false;
    }
    if (s.isBoolean()) {
      return s.booleanValue();
    }
    if (s.has("default")) {
      return true;
    }
    JsonNode type = s.get("type");
    if (type == null) {
      return false;
    }
    JsonNode empty = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (!typeMatches(type, empty)) {
      empty = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      if (!typeMatches(type, empty)) {
        return false;
      }
    }
    List<Diagnostic> ds = new ArrayList<>();
    check(empty, s, "", ds);
    return ds.stream().noneMatch(Diagnostic::isError);
  }

  private static Diagnostic unknown(
      Diagnostic.Severity severity, String message, String path, JsonNode props, String name) {
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    return new Diagnostic(
        severity,
        DiagnosticCodes.UNKNOWN_FIELD,
        message,
        null,
        0,
        0,
        path,
        names.isEmpty() ? "no other properties" : "one of " + String.join(", ", names),
        name);
  }

  private @Nullable Pattern pattern(String regex) {
    Pattern p = patterns.get(regex);
    if (p == null) {
      p = compile(regex);
      if (p != null) {
        patterns.put(regex, p);
      }
    }
    return p;
  }

  // ------------------------------------------------------------------ wording

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode o = b.get(e.getKey());
        if (o == null || !same(e.getValue(), o)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** A value as the facts show it: {@code string "three"}, {@code integer 3}, {@code an object}. */
  static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "string " + quote(v.textValue());
    } else if (v.isIntegralNumber()) {
      return "integer " + v.asText();
    } else if (v.isNumber()) {
      return "number " + v.decimalValue().toPlainString();
    } else if (v.isBoolean()) {
      return "boolean " + v.asText();
    } else if (v.isArray()) {
      return "a list of " + v.size();
    } else if (v.isObject()) {
      return "an object";
    }
    return "null";
  }

  private static String describeSchema(@Nullable JsonNode s) {
    if (s == null || !s.has("type")) {
      return "a value";
    }
    return "a value of type " + typeNames(s.get("type"));
  }

  private static String values(JsonNode en) {
    List<String> out = new ArrayList<>();
    en.forEach(e -> out.add(e.toString()));
    return String.join(", ", out);
  }

  private static String alternatives(JsonNode alts) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : alts) {
      if (a.has("type")) {
        out.add(typeNames(a.get("type")));
      } else if (a.has("required")) {
        out.add("an object with " + values(a.get("required")));
      } else if (a.has("enum")) {
        out.add(values(a.get("enum")));
      } else {
        out.add(a.toString().length() > 60 ? "a value" : a.toString());
      }
    }
    return String.join("; ", out);
  }

  private static String quote(String s) {
    String q = s.length() > 80 ? s.substring(0, 77) + "..." : s;
    return "\"" + q.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Diagnostic error(
      String code,
      String message,
      String path,
      @Nullable String expected,
      @Nullable String actual) {
    return Diagnostic.error(code, message, path).withFacts(expected, actual);
  }
}
