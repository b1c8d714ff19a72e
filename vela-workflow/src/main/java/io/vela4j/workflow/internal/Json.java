package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** JSON helpers. */
public final class Json {
  /** A mapper that ignores unknown properties (component specs carry rendered extras). */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * {@code base} with {@code top} laid over it: objects merge key by key, arrays element by
   * element, any other value of {@code top} wins. Neither input is changed.
   */
  public static JsonNode merge(JsonNode base, JsonNode top) {
    if (base instanceof ObjectNode b && top instanceof ObjectNode t) {
      ObjectNode out = b.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode have = out.get(e.getKey());
        out.set(e.getKey(), have == null ? e.getValue().deepCopy() : merge(have, e.getValue()));
      }
      return out;
    }
    if (base instanceof ArrayNode b && top instanceof ArrayNode t && b.size() == t.size()) {
      ArrayNode out = array();
      for (int i = 0; i < b.size(); i++) {
        out.add(merge(b.get(i), t.get(i)));
      }
      return out;
    }
    return top.deepCopy();
  }

  /**
   * Sets a value at a dotted path of object keys ({@code a.b.c}), creating objects on the way and
   * replacing what was there.
   */
  public static void set(ObjectNode root, String path, JsonNode value) {
    var parts = split(path, '.');
    ObjectNode at = root;
    for (int i = 0; i < parts.size() - 1; i++) {
      JsonNode next = at.get(parts.get(i));
      at = next instanceof ObjectNode n ? n : at.putObject(parts.get(i));
    }
    at.set(parts.get(parts.size() - 1), value.deepCopy());
  }

  /** The value at a dotted path of object keys, or a missing node. */
  public static JsonNode get(JsonNode root, String path) {
    JsonNode at = root;
    for (String p : split(path, '.')) {
      at = at.isArray() && isIndex(p) ? at.path(Integer.parseInt(p)) : at.path(p);
    }
    return at;
  }

  /** The fields an API server owns, which an observed object adds to an applied one. */
  private static final java.util.List<String> SERVER_METADATA =
      java.util.List.of("generation", "uid", "resourceVersion", "creationTimestamp");

  /**
   * An applied object as the server holds it: with the observed object's {@code status} and
   * server-owned metadata ({@code generation}, {@code uid}, {@code resourceVersion}, {@code
   * creationTimestamp}), which are newer than any the applied one carries.
   */
  public static ObjectNode observed(ObjectNode applied, JsonNode seen) {
    ObjectNode out = applied.deepCopy();
    JsonNode status = seen.get("status");
    if (status != null && !status.isNull()) {
      out.set("status", status.deepCopy());
    }
    if (seen.get("metadata") instanceof ObjectNode sm
        && out.get("metadata") instanceof ObjectNode om) {
      for (String f : SERVER_METADATA) {
        if (sm.has(f)) {
          om.set(f, sm.get(f).deepCopy());
        }
      }
    }
    return out;
  }

  /**
   * A copy with every object's keys sorted (arrays keep their order), for output that does not
   * depend on evaluation order.
   */
  public static JsonNode sorted(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = object();
      var keys = new java.util.TreeSet<String>();
      o.fieldNames().forEachRemaining(keys::add);
      keys.forEach(k -> out.set(k, sorted(o.get(k))));
      return out;
    }
    if (n instanceof ArrayNode a) {
      ArrayNode out = array();
      a.forEach(x -> out.add(sorted(x)));
      return out;
    }
    return n.deepCopy();
  }

  /** Splits at every {@code sep} (no regular expressions); empty parts are kept. */
  public static java.util.List<String> split(String s, char sep) {
    var out = new java.util.ArrayList<String>();
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  /** Whether a path segment is a list index. */
  public static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
