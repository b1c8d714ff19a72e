package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.StructuralChecker;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one located reader for Vela4J's own configuration files (rollout specs, placement files,
 * ...): typed reads from a document read with {@link VelaReader#readTrees}, which record every
 * problem as a {@link Diagnostic} located at its field's line and column instead of throwing, so
 * that a file's problems are all reported at once.
 *
 * <p>Every read takes the value's field path, built with {@link FieldPaths}, and reports the codes
 * of {@link DiagnosticCodes}: {@code INVALID_TYPE} for a value of the wrong type, {@code
 * MISSING_FIELD} for a required field that is absent, {@code UNKNOWN_FIELD} for a field the format
 * does not have, {@code INVALID_ENUM} for a value outside its allowed set and {@code
 * VALUE_OUT_OF_RANGE} for a number below its minimum. A read that fails returns {@code null} (or an
 * empty collection) after recording the problem.
 *
 * <pre>{@code
 * LocatedTree tree = VelaYaml.reader().readTrees(file).orThrow().get(0);
 * FieldReader in = FieldReader.of(tree);
 * if (in.object(tree.root(), "")) {
 *   in.unknownFields(tree.root(), "", Set.of("name", "replicas"));
 *   String name = in.text(in.required(tree.root(), "", "name"), "name");
 *   Integer replicas = in.integer(FieldReader.optional(tree.root(), "replicas"), "replicas", 0);
 * }
 * if (in.hasErrors()) {
 *   throw new ValidationException(in.diagnostics()); // file:line:column: path: message
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one reader per document.
 */
public final class FieldReader {
  private final @Nullable SourceMap sourceMap;
  private final List<Diagnostic> found = new ArrayList<>();

  private FieldReader(@Nullable SourceMap sourceMap) {
    this.sourceMap = sourceMap;
  }

  /**
   * A reader whose diagnostics are located in {@code tree}'s source.
   *
   * @param tree a document read with {@link VelaReader#readTrees}
   * @return the reader
   */
  public static FieldReader of(LocatedTree tree) {
    return new FieldReader(tree.sourceMap());
  }

  /**
   * A reader for a tree that was not read from text: its diagnostics have field paths but no
   * source, line or column.
   *
   * @return the reader
   */
  public static FieldReader unlocated() {
    return new FieldReader(null);
  }

  /**
   * Every problem recorded so far, in the order found, located.
   *
   * @return the diagnostics (a copy)
   */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(found);
  }

  /**
   * Whether an error was recorded.
   *
   * @return whether any diagnostic is an error
   */
  public boolean hasErrors() {
    return found.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * Whether a problem was recorded at {@code path}, at one of its ancestors or below it: a
   * validation of the bound value need not report that field again.
   *
   * @param path a field path, or {@code null}
   * @return whether a recorded diagnostic concerns that field
   */
  public boolean hasProblemAt(@Nullable String path) {
    if (path == null) {
      return false;
    }
    for (Diagnostic d : found) {
      String p = d.path();
      if (p != null && (related(path, p) || related(p, path))) {
        return true;
      }
    }
    return false;
  }

  private static boolean related(String path, String ancestor) {
    return path.equals(ancestor)
        || ancestor.isEmpty()
        || (path.startsWith(ancestor)
            && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '['));
  }

  /**
   * Locates a diagnostic at its field path in this reader's source (nearest located ancestor;
   * unchanged for an unlocated reader or a diagnostic without a path).
   *
   * @param d the diagnostic
   * @return the located diagnostic
   */
  public Diagnostic locate(Diagnostic d) {
    return sourceMap == null ? d : sourceMap.locate(d);
  }

  /**
   * Records a diagnostic, located at its path.
   *
   * @param d the diagnostic
   */
  public void report(Diagnostic d) {
    found.add(locate(d));
  }

  /**
   * Records an error.
   *
   * @param code a {@link DiagnosticCodes} constant
   * @param message what is wrong
   * @param path the field path
   * @param expected what a valid file has there, or {@code null}
   * @param actual what was found, or {@code null}
   */
  public void error(
      String code,
      String message,
      String path,
      @Nullable String expected,
      @Nullable String actual) {
    report(Diagnostic.error(code, message, path).withFacts(expected, actual));
  }

  /**
   * Records a warning.
   *
   * @param code a {@link DiagnosticCodes} constant
   * @param message what is probably wrong
   * @param path the field path
   */
  public void warning(String code, String message, String path) {
    report(Diagnostic.warning(code, message, path));
  }

  // ---------------------------------------------------------------- fields of an object

  /**
   * A field of an object, when present and not {@code null}.
   *
   * @param object the object
   * @param name the field name
   * @return the value, or {@code null}
   */
  public static @Nullable JsonNode optional(JsonNode object, String name) {
    JsonNode v = object.get(name);
    return v == null || v.isNull() ? null : v;
  }

  /**
   * A required field of an object; records {@code MISSING_FIELD} when it is absent or {@code null}.
   *
   * @param object the object
   * @param path the object's path
   * @param name the field name
   * @return the value, or {@code null}
   */
  public @Nullable JsonNode required(JsonNode object, String path, String name) {
    JsonNode v = optional(object, name);
    if (v == null) {
      error(
          DiagnosticCodes.MISSING_FIELD,
          "missing required field \"" + name + "\"",
          FieldPaths.field(path, name),
          "a value",
          "nothing");
    }
    return v;
  }

  /**
   * Records {@code UNKNOWN_FIELD} for every field of {@code object} not in {@code allowed}.
   *
   * @param object the object
   * @param path its path
   * @param allowed the field names the format has
   */
  public void unknownFields(JsonNode object, String path, Set<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        error(
            DiagnosticCodes.UNKNOWN_FIELD,
            "unknown field \"" + name + "\"",
            FieldPaths.field(path, name),
            "one of " + new TreeSet<>(allowed),
            name);
      }
    }
  }

  // ---------------------------------------------------------------- typed values

  /**
   * Whether {@code node} is an object; records {@code INVALID_TYPE} otherwise.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return whether it is an object
   */
  public boolean object(@Nullable JsonNode node, String path) {
    return expect(node != null && node.isObject(), "an object", node, path);
  }

  /**
   * Whether {@code node} is a list; records {@code INVALID_TYPE} otherwise.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return whether it is a list
   */
  public boolean array(@Nullable JsonNode node, String path) {
    return expect(node != null && node.isArray(), "a list", node, path);
  }

  /**
   * A string.
   *
   * @param node the value, or {@code null} when absent (then {@code null} is returned silently)
   * @param path its path
   * @return the string, or {@code null} ({@code INVALID_TYPE} recorded for another type)
   */
  public @Nullable String text(@Nullable JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    return expect(node.isTextual(), "a string", node, path) ? node.textValue() : null;
  }

  /**
   * A scalar as text: strings as they are, numbers and booleans as written ({@code 7} gives {@code
   * "7"}).
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return the text, or {@code null}
   */
  public @Nullable String scalarText(@Nullable JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    return expect(node.isValueNode() && !node.isNull(), "a string", node, path)
        ? node.asText()
        : null;
  }

  /**
   * A 32-bit integer.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return the integer, or {@code null}
   */
  public @Nullable Integer integer(@Nullable JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    return expect(node.isIntegralNumber() && node.canConvertToInt(), "an integer", node, path)
        ? node.intValue()
        : null;
  }

  /**
   * A 32-bit integer of at least {@code min}; records {@code VALUE_OUT_OF_RANGE} below it.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @param min the smallest allowed value
   * @return the integer, or {@code null}
   */
  public @Nullable Integer integer(@Nullable JsonNode node, String path, int min) {
    Integer v = integer(node, path);
    if (v != null && v < min) {
      error(
          DiagnosticCodes.VALUE_OUT_OF_RANGE,
          "must be at least " + min,
          path,
          ">= " + min,
          Integer.toString(v));
      return null;
    }
    return v;
  }

  /**
   * A boolean.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return the boolean, or {@code null}
   */
  public @Nullable Boolean bool(@Nullable JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    return expect(node.isBoolean(), "true or false", node, path) ? node.booleanValue() : null;
  }

  /**
   * One of a set of values, read from a string; records {@code INVALID_ENUM} when {@code parse}
   * rejects it (throws {@link IllegalArgumentException} or returns {@code null}).
   *
   * @param <E> the value type
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @param parse reads the string
   * @param expected the allowed values, as shown to the user ({@code Abort|Overwrite})
   * @return the value, or {@code null}
   */
  public <E> @Nullable E enumValue(
      @Nullable JsonNode node, String path, Function<String, @Nullable E> parse, String expected) {
    String s = text(node, path);
    if (s == null) {
      return null;
    }
    E v;
    try {
      v = parse.apply(s);
    } catch (IllegalArgumentException e) {
      v = null;
    }
    if (v == null) {
      error(DiagnosticCodes.INVALID_ENUM, "not an allowed value", path, expected, s);
    }
    return v;
  }

  /**
   * A mapping of strings (labels, annotations, options); entries that are not strings are recorded
   * and left out.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return the entries in file order (empty when absent or wrong)
   */
  public Map<String, String> stringMap(@Nullable JsonNode node, String path) {
    var out = new LinkedHashMap<String, String>();
    if (node == null || !expect(node.isObject(), "a mapping of strings", node, path)) {
      return out;
    }
    node.fields()
        .forEachRemaining(
            e -> {
              String p = FieldPaths.field(path, e.getKey());
              if (e.getValue().isTextual()) {
                out.put(e.getKey(), e.getValue().textValue());
              } else {
                expect(false, "a string (quote numbers and booleans)", e.getValue(), p);
              }
            });
    return out;
  }

  /**
   * A list of strings; elements that are not strings are recorded and left out.
   *
   * @param node the value, or {@code null} when absent
   * @param path its path
   * @return the strings (empty when absent or wrong)
   */
  public List<String> stringList(@Nullable JsonNode node, String path) {
    var out = new ArrayList<String>();
    if (node == null || !array(node, path)) {
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String s = text(node.get(i), FieldPaths.index(path, i));
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * What a value is, for the {@code actual} fact of a diagnostic: {@code nothing}, {@code null},
   * {@code string "abc"}, {@code integer 3}, {@code boolean true}, {@code object}, {@code list}.
   *
   * @param node the value, or {@code null} when absent
   * @return the description
   */
  public static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String type = StructuralChecker.describe(node);
    if (node.isValueNode() && !node.isNull()) {
      String s = node.asText();
      s = s.length() > 40 ? s.substring(0, 40) + "..." : s;
      return type + " " + (node.isTextual() ? "\"" + s + "\"" : s);
    }
    return type;
  }

  /**
   * Records {@code INVALID_TYPE}: {@code found} is not what the format has at {@code path}.
   *
   * @param found the value, or {@code null} when absent
   * @param path its path
   * @param expected what the format has there, such as {@code "a list of overriders"}
   */
  public void invalidType(@Nullable JsonNode found, String path, String expected) {
    expect(false, expected, found, path);
  }

  private boolean expect(boolean ok, String expected, @Nullable JsonNode node, String path) {
    if (!ok) {
      error(
          DiagnosticCodes.INVALID_TYPE,
          "expected " + expected + ", found " + (node == null ? "nothing" : typeOf(node)),
          path,
          expected,
          describe(node));
    }
    return ok;
  }

  private static String typeOf(JsonNode node) {
    return StructuralChecker.describe(node);
  }
}
