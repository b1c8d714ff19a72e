package io.vela4j.rollout.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.rollout.IntOrPercent;
import io.vela4j.rollout.Pause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Typed reads from a {@link JsonNode} that record a located problem instead of throwing. */
public final class Fields {
  private final List<Diagnostic> problems = new ArrayList<>();

  /** The problems recorded so far. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Records a problem. */
  public void error(String code, String message, String path, String expected, String actual) {
    problems.add(SpecValidator.error(code, message, path, expected, actual));
  }

  /** Whether a problem was recorded at {@code path} or below it. */
  public boolean hasProblemAt(@Nullable String path) {
    if (path == null) {
      return false;
    }
    for (var d : problems) {
      var p = d.path();
      if (p != null && (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["))) {
        return true;
      }
    }
    return false;
  }

  /** Reports every field of {@code object} not in {@code allowed}. */
  public void unknown(JsonNode object, String path, Set<String> allowed) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      var name = it.next();
      if (!allowed.contains(name)) {
        error(
            DiagnosticCodes.UNKNOWN_FIELD,
            "unknown field \"" + name + "\"",
            join(path, name),
            "one of " + new java.util.TreeSet<>(allowed),
            name);
      }
    }
  }

  /** {@code a.b} (or {@code b} at the root). */
  public static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Whether {@code node} is an object; records a problem otherwise. */
  public boolean object(@Nullable JsonNode node, String path) {
    if (node != null && node.isObject()) {
      return true;
    }
    error(DiagnosticCodes.INVALID_TYPE, "expected an object", path, "an object", describe(node));
    return false;
  }

  /** Whether {@code node} is an array; records a problem otherwise. */
  public boolean array(@Nullable JsonNode node, String path) {
    if (node != null && node.isArray()) {
      return true;
    }
    error(DiagnosticCodes.INVALID_TYPE, "expected a list", path, "a list", describe(node));
    return false;
  }

  /** An integer, or {@code null} (with a problem) when the node is something else. */
  public @Nullable Integer integer(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    error(DiagnosticCodes.INVALID_TYPE, "expected an integer", path, "an integer", describe(node));
    return null;
  }

  /** A boolean, or {@code null} with a problem. */
  public @Nullable Boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    error(
        DiagnosticCodes.INVALID_TYPE,
        "expected true or false",
        path,
        "true or false",
        describe(node));
    return null;
  }

  /** A string, or {@code null} with a problem. */
  public @Nullable String text(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue();
    }
    error(DiagnosticCodes.INVALID_TYPE, "expected a string", path, "a string", describe(node));
    return null;
  }

  /** An integer or a percentage string, or {@code null} with a problem. */
  public @Nullable IntOrPercent intOrPercent(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return IntOrPercent.of(node.intValue());
    }
    if (node.isTextual()) {
      try {
        return IntOrPercent.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        error(
            DiagnosticCodes.INVALID_AMOUNT,
            "not an integer or a whole percentage",
            path,
            "3 or \"20%\"",
            quote(node));
        return null;
      }
    }
    error(
        DiagnosticCodes.INVALID_AMOUNT,
        "not an integer or a whole percentage",
        path,
        "3 or \"20%\"",
        describe(node));
    return null;
  }

  /** {@code MANUAL}, a duration string, or a number of seconds; {@code null} with a problem. */
  public @Nullable Pause pause(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return Pause.of(Duration.ofSeconds(node.longValue()));
    }
    if (node.isTextual()) {
      try {
        return Pause.parse(node.textValue());
      } catch (IllegalArgumentException e) {
        error(
            DiagnosticCodes.INVALID_PAUSE,
            "not a pause",
            path,
            "MANUAL or a duration such as 30s",
            quote(node));
        return null;
      }
    }
    error(
        DiagnosticCodes.INVALID_PAUSE,
        "not a pause",
        path,
        "MANUAL or a duration such as 30s",
        describe(node));
    return null;
  }

  /** An enum constant via {@code parse}; {@code null} with a problem. */
  public <E> @Nullable E enumValue(
      JsonNode node, String path, Function<String, E> parse, List<?> allowed) {
    var s = text(node, path);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (IllegalArgumentException e) {
      error(DiagnosticCodes.INVALID_ENUM, "not an allowed value", path, "one of " + allowed, s);
      return null;
    }
  }

  private static String quote(JsonNode node) {
    return "\"" + node.asText() + "\"";
  }

  /** A short description of what was found. */
  public static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return quote(node);
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }
}
