package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The UTF-8 size of a tree's compact JSON as {@link Json#write} writes it, computed without
 * writing: per-cluster objects share most subtrees with their templates (see {@link CopyOnWrite}),
 * so the sizes of the templates' subtrees are remembered by identity and only the nodes a cluster
 * changed are measured again. Not API; not thread-safe (one per plan).
 */
public final class JsonSizes {
  private final Map<JsonNode, Integer> known = new IdentityHashMap<>();

  /**
   * Remembers the size of every container node of {@code template} (a shared, immutable tree).
   *
   * @param template the tree
   * @return this
   */
  public JsonSizes remember(JsonNode template) {
    size(template, true);
    return this;
  }

  /**
   * The size of {@code node}'s compact JSON in UTF-8 bytes.
   *
   * @param node the tree
   * @return its size
   */
  public int of(JsonNode node) {
    return size(node, false);
  }

  private int size(JsonNode n, boolean remember) {
    Integer k = known.get(n);
    if (k != null) {
      return k;
    }
    int s;
    if (n.isObject()) {
      s = 2 + Math.max(0, n.size() - 1); // braces and commas
      for (var e : n.properties()) {
        s += text(e.getKey()) + 1 + size(e.getValue(), remember);
      }
    } else if (n.isArray()) {
      s = 2 + Math.max(0, n.size() - 1);
      for (JsonNode e : n) {
        s += size(e, remember);
      }
    } else if (n.isTextual()) {
      return text(n.textValue());
    } else if (n.isNumber() || n.isBoolean() || n.isNull()) {
      return n.asText().length();
    } else {
      return Json.utf8Size(n); // binary or POJO nodes: rare, written by Jackson
    }
    if (remember) {
      known.put(n, s);
    }
    return s;
  }

  /** Quotes plus the UTF-8 bytes of the escaped text, as Jackson escapes it (no allocation). */
  private static int text(String s) {
    int n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        n += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
      } else if (c == '"' || c == '\\') {
        n += 2;
      } else if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        n += 1; // a lone surrogate is written as '?'
      } else {
        n += 3;
      }
    }
    return n;
  }
}
