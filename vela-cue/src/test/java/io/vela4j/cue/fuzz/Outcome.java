package io.vela4j.cue.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluator made of a program: exported JSON, a rejection (with its message), or a failure
 * of the evaluator itself (a time-out, a crash).
 */
record Outcome(Kind kind, @Nullable JsonNode json, String message) {

  /** The outcome's kind. */
  enum Kind {
    EXPORTED,
    REJECTED,
    TIMEOUT,
    CRASHED
  }

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  static Outcome exported(JsonNode json) {
    return new Outcome(Kind.EXPORTED, json, "");
  }

  static Outcome rejected(String message) {
    return new Outcome(Kind.REJECTED, null, message);
  }

  /**
   * Whether two outcomes agree: both rejected, or both exported the same JSON (object key order
   * ignored, numbers compared by their text as {@code cue export} prints them).
   */
  boolean agrees(Outcome o) {
    if (kind != o.kind) {
      return false;
    }
    if (kind != Kind.EXPORTED) {
      return kind == Kind.REJECTED;
    }
    return canonical(json).equals(canonical(o.json));
  }

  /** A short form for reports. */
  String describe() {
    return switch (kind) {
      case EXPORTED -> json.toString();
      case REJECTED -> "rejected: " + firstLine(message);
      case TIMEOUT -> "timed out";
      case CRASHED -> "crashed: " + firstLine(message);
    };
  }

  /**
   * What a mismatch between this outcome (vela-cue's) and the reference's is about, which shrinking
   * must keep so that the small program shows the same difference, not merely some difference: the
   * path where the two JSON values first differ, or the first line of the rejecting side's message
   * without file positions and error counts; the kind alone for a time-out or a crash.
   */
  String mismatchWith(Outcome ref) {
    if (kind == Kind.EXPORTED && ref.kind == Kind.EXPORTED) {
      String at = firstDifference("", canonical(json), canonical(ref.json));
      return "json differs at " + (at == null ? "?" : at.isEmpty() ? "the root" : at);
    }
    if (kind == Kind.EXPORTED && ref.kind == Kind.REJECTED) {
      return "reference rejects: " + withoutPositions(firstLine(ref.message));
    }
    if (kind == Kind.REJECTED && ref.kind == Kind.EXPORTED) {
      return "vela-cue rejects: " + withoutPositions(firstLine(message));
    }
    return kind + " / " + ref.kind;
  }

  private static final Pattern POSITION = Pattern.compile("\\S*\\.cue:\\d+:\\d+:?");
  private static final Pattern MORE_ERRORS = Pattern.compile("\\s*\\(and \\d+ more errors?\\)");

  private static String withoutPositions(String line) {
    String s = POSITION.matcher(line).replaceAll("");
    return MORE_ERRORS.matcher(s).replaceAll("").strip();
  }

  /** The path of the first difference of two canonical values, or null if they are equal. */
  private static @Nullable String firstDifference(String path, Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (var e : ma.entrySet()) {
        String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
        if (!mb.containsKey(e.getKey())) {
          return p;
        }
        String d = firstDifference(p, e.getValue(), mb.get(e.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Object k : mb.keySet()) {
        if (!ma.containsKey(k)) {
          return path.isEmpty() ? String.valueOf(k) : path + "." + k;
        }
      }
      return null;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
        String d = firstDifference(path + "[" + i + "]", la.get(i), lb.get(i));
        if (d != null) {
          return d;
        }
      }
      return la.size() == lb.size() ? null : path + ".length";
    }
    return a.equals(b) ? null : path;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static Object canonical(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isObject()) {
      var m = new LinkedHashMap<String, Object>();
      n.properties().forEach(e -> m.put(e.getKey(), canonical(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      var l = new ArrayList<Object>();
      n.forEach(e -> l.add(canonical(e)));
      return l;
    }
    if (n.isNumber()) {
      if (n.isIntegralNumber()) {
        return "n:" + n.bigIntegerValue();
      }
      BigDecimal d = n.isBigDecimal() ? n.decimalValue() : new BigDecimal(n.asText());
      return "n:" + d;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    // CUE v0.4's json.Marshal escapes &, < and > (\u0026...); v0.14 does not (DIFFERENCES.md):
    // compare strings as v0.14 writes them.
    return "s:"
        + n.asText().replace("\\u0026", "&").replace("\\u003c", "<").replace("\\u003e", ">");
  }
}
