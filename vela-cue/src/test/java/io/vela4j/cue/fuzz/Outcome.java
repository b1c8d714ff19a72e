package io.vela4j.cue.fuzz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
