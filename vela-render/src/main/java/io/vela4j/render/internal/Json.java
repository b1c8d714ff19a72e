package io.vela4j.render.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** JSON trees: the one mapper, value equality as CUE and Go see it, pointers, hashing. */
public final class Json {
  /** The mapper every tree of vela-render is made with (exact decimals, as the model reads). */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

  /** The node factory. */
  public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * Whether two scalars are the same CUE value: strings, booleans and null by value; numbers by
   * value within the same kind (an integer never equals a decimal, as {@code 1 & 1.0} conflicts).
   */
  public static boolean sameScalar(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      boolean ia = a.isIntegralNumber();
      if (ia != b.isIntegralNumber()) {
        return false;
      }
      return ia
          ? a.bigIntegerValue().equals(b.bigIntegerValue())
          : a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.getNodeType() == b.getNodeType() && a.equals(b);
  }

  /** Deep equality with {@link #sameScalar} for numbers. */
  public static boolean same(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (var e : a.properties()) {
        JsonNode o = b.get(e.getKey());
        if (o == null || !same(e.getValue(), o)) {
          return false;
        }
      }
      return true;
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
    if (a.isContainerNode() || b.isContainerNode()) {
      return false;
    }
    return sameScalar(a, b);
  }

  /** One JSON Pointer segment ({@code ~} and {@code /} escaped). */
  public static String segment(String key) {
    return key.indexOf('~') < 0 && key.indexOf('/') < 0
        ? key
        : key.replace("~", "~0").replace("/", "~1");
  }

  /** {@code pointer/segment(key)}. */
  public static String child(String pointer, String key) {
    return pointer + "/" + segment(key);
  }

  /** A short description of a value for messages: scalars as JSON, containers by kind. */
  public static String describe(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    } else if (n.isArray()) {
      return "a list of " + n.size();
    }
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** A copy whose objects have sorted keys (at every depth). */
  public static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      var m = new TreeMap<String, JsonNode>();
      n.properties().forEach(e -> m.put(e.getKey(), sorted(e.getValue())));
      ObjectNode o = object();
      m.forEach(o::set);
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = array();
      n.forEach(e -> a.add(sorted(e)));
      return a;
    }
    return n;
  }

  /** Compact JSON with sorted keys: the canonical form hashed by revisions. */
  public static String canonical(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(sorted(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
  public static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A copy with numbers as Go's JSON round trip leaves them, as KubeVela's properties are (JSON
   * unmarshalled into {@code float64} and marshalled again): integral decimals become integers
   * ({@code 3.0} is {@code 3}), other decimals lose trailing zeros.
   */
  public static JsonNode goNumbers(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = object();
      n.properties().forEach(e -> o.set(e.getKey(), goNumbers(e.getValue())));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = array();
      n.forEach(e -> a.add(goNumbers(e)));
      return a;
    }
    if (n.isNumber() && !n.isIntegralNumber()) {
      java.math.BigDecimal d = n.decimalValue().stripTrailingZeros();
      return d.scale() <= 0 ? NODES.numberNode(d.toBigIntegerExact()) : NODES.numberNode(d);
    }
    return n;
  }

  /** The tree of a value (records, fabric8 objects) made with {@link #MAPPER}. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
