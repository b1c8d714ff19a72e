package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.render.internal.PatchEngine.PatchFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 7396 JSON Merge Patch and RFC 6902 JSON Patch on Jackson trees, with the behaviour of
 * evanphx/json-patch that KubeVela uses: {@code add} on an existing member replaces it, {@code -}
 * appends to an array, {@code remove} and {@code replace} of a missing member fail, {@code test}
 * compares values.
 */
final class JsonPatches {
  private JsonPatches() {}

  /** RFC 7396: {@code null} members delete, objects merge, anything else replaces. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode out = target.isObject() ? (ObjectNode) target : Json.object();
    for (var e : patch.properties()) {
      if (e.getValue().isNull()) {
        out.remove(e.getKey());
      } else {
        JsonNode cur = out.get(e.getKey());
        out.set(e.getKey(), mergePatch(cur == null ? Json.NODES.nullNode() : cur, e.getValue()));
      }
    }
    return out;
  }

  /** RFC 6902: applies the operations in order to {@code doc} (modified) and returns it. */
  static JsonNode apply(JsonNode doc, JsonNode operations) {
    if (!operations.isArray()) {
      throw new PatchFailure(
          "a jsonPatch patch needs a list of operations under patch.operations",
          "",
          "a list of operations",
          Json.describe(operations));
    }
    JsonNode cur = doc;
    for (int i = 0; i < operations.size(); i++) {
      cur = applyOne(cur, operations.get(i), i);
    }
    return cur;
  }

  private static JsonNode applyOne(JsonNode doc, JsonNode op, int index) {
    String name = op.path("op").asText("");
    String path = text(op, "path", index);
    switch (name) {
      case "add":
        return add(doc, path, value(op, index), index);
      case "remove":
        return remove(doc, path, index);
      case "replace":
        get(doc, path, index, "replace");
        return add(remove(doc, path, index), path, value(op, index), index);
      case "move":
        {
          String from = text(op, "from", index);
          JsonNode v = get(doc, from, index, "move").deepCopy();
          return add(remove(doc, from, index), path, v, index);
        }
      case "copy":
        {
          String from = text(op, "from", index);
          return add(doc, path, get(doc, from, index, "copy").deepCopy(), index);
        }
      case "test":
        {
          JsonNode actual = get(doc, path, index, "test");
          if (!Json.same(actual, value(op, index))) {
            throw failure(
                index, "test", path, "the value does not match", value(op, index), actual);
          }
          return doc;
        }
      default:
        throw new PatchFailure(
            "operation " + index + ": unknown op '" + name + "'",
            "",
            "add, remove, replace, move, copy or test",
            name);
    }
  }

  private static String text(JsonNode op, String field, int index) {
    JsonNode v = op.get(field);
    if (v == null || !v.isTextual()) {
      throw new PatchFailure(
          "operation " + index + ": missing '" + field + "'", "", "a JSON Pointer", "nothing");
    }
    return v.textValue();
  }

  private static JsonNode value(JsonNode op, int index) {
    JsonNode v = op.get("value");
    if (v == null) {
      throw new PatchFailure("operation " + index + ": missing 'value'", "", "a value", "nothing");
    }
    return v;
  }

  private static List<String> parse(String pointer, int index) {
    if (pointer.isEmpty()) {
      return List.of();
    }
    if (pointer.charAt(0) != '/') {
      throw new PatchFailure(
          "operation " + index + ": invalid JSON Pointer '" + pointer + "'",
          pointer,
          "a pointer starting with /",
          pointer);
    }
    var out = new ArrayList<String>();
    for (String s : Tags.split(pointer.substring(1), '/')) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode get(JsonNode doc, String pointer, int index, String op) {
    JsonNode cur = doc;
    for (String seg : parse(pointer, index)) {
      JsonNode next = null;
      if (cur.isObject()) {
        next = cur.get(seg);
      } else if (cur.isArray()) {
        int i = arrayIndex(seg, cur.size() - 1, pointer, index, op);
        next = cur.get(i);
      }
      if (next == null) {
        throw failure(index, op, pointer, "the path does not exist", null, null);
      }
      cur = next;
    }
    return cur;
  }

  private static JsonNode add(JsonNode doc, String pointer, JsonNode value, int index) {
    List<String> segs = parse(pointer, index);
    if (segs.isEmpty()) {
      return value.deepCopy();
    }
    JsonNode parent = parentOf(doc, segs, pointer, index, "add");
    String last = segs.get(segs.size() - 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if ("-".equals(last)) {
        a.add(value.deepCopy());
      } else {
        a.insert(arrayIndex(last, a.size(), pointer, index, "add"), value.deepCopy());
      }
    } else {
      throw failure(index, "add", pointer, "the parent is not an object or a list", null, parent);
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String pointer, int index) {
    List<String> segs = parse(pointer, index);
    if (segs.isEmpty()) {
      throw failure(index, "remove", pointer, "cannot remove the whole document", null, null);
    }
    JsonNode parent = parentOf(doc, segs, pointer, index, "remove");
    String last = segs.get(segs.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (o.remove(last) == null) {
        throw failure(index, "remove", pointer, "the path does not exist", null, null);
      }
    } else if (parent instanceof ArrayNode a) {
      a.remove(arrayIndex(last, a.size() - 1, pointer, index, "remove"));
    } else {
      throw failure(index, "remove", pointer, "the path does not exist", null, parent);
    }
    return doc;
  }

  private static JsonNode parentOf(
      JsonNode doc, List<String> segs, String pointer, int index, String op) {
    JsonNode cur = doc;
    for (String seg : segs.subList(0, segs.size() - 1)) {
      JsonNode next = null;
      if (cur.isObject()) {
        next = cur.get(seg);
      } else if (cur.isArray()) {
        next = cur.get(arrayIndex(seg, cur.size() - 1, pointer, index, op));
      }
      if (next == null) {
        throw failure(index, op, pointer, "the parent path does not exist", null, null);
      }
      cur = next;
    }
    return cur;
  }

  private static int arrayIndex(String seg, int max, String pointer, int index, String op) {
    int i;
    try {
      i = Integer.parseInt(seg);
    } catch (NumberFormatException e) {
      throw failure(index, op, pointer, "'" + seg + "' is not a list index", null, null);
    }
    if (i < 0 || i > max || (seg.length() > 1 && seg.charAt(0) == '0')) {
      throw failure(index, op, pointer, "list index " + seg + " is out of range", null, null);
    }
    return i;
  }

  private static PatchFailure failure(
      int index,
      String op,
      String pointer,
      String why,
      @org.jspecify.annotations.Nullable JsonNode expected,
      @org.jspecify.annotations.Nullable JsonNode found) {
    return new PatchFailure(
        "jsonPatch operation " + index + " (" + op + " " + pointer + "): " + why,
        pointer,
        expected == null ? null : Json.describe(expected),
        found == null ? null : Json.describe(found));
  }
}
