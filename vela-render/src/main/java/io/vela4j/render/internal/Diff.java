package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.BiConsumer;

/** The leaf-level differences between two JSON trees, as JSON Pointers and operations. */
final class Diff {
  private Diff() {}

  /** Reports {@code (pointer, "add"|"replace"|"remove")} for every changed leaf. */
  static void changes(
      JsonNode before, JsonNode after, String pointer, BiConsumer<String, String> out) {
    if (before.isObject() && after.isObject()) {
      before
          .properties()
          .forEach(
              e -> {
                JsonNode a = after.get(e.getKey());
                String p = Json.child(pointer, e.getKey());
                if (a == null) {
                  out.accept(p, "remove");
                } else {
                  changes(e.getValue(), a, p, out);
                }
              });
      after
          .properties()
          .forEach(
              e -> {
                if (!before.has(e.getKey())) {
                  out.accept(Json.child(pointer, e.getKey()), "add");
                }
              });
    } else if (before.isArray() && after.isArray()) {
      int common = Math.min(before.size(), after.size());
      for (int i = 0; i < common; i++) {
        changes(before.get(i), after.get(i), pointer + "/" + i, out);
      }
      for (int i = common; i < after.size(); i++) {
        out.accept(pointer + "/" + i, "add");
      }
      for (int i = before.size() - 1; i >= common; i--) {
        out.accept(pointer + "/" + i, "remove");
      }
    } else if (!Json.same(before, after)) {
      out.accept(pointer, "replace");
    }
  }

  static List<String> list(JsonNode before, JsonNode after) {
    var out = new java.util.ArrayList<String>();
    changes(before, after, "", (p, op) -> out.add(op + " " + p));
    return out;
  }
}
