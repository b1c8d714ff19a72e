package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 {@code add}, {@code remove} and {@code replace} (the operations Karmada's {@code
 * plaintext} overrider supports) on Jackson trees, with RFC 6901 pointers. Stateless.
 */
public final class JsonPatcher {

  /** A patch operation that cannot be applied; the message says why. */
  public static final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;

    PatchException(String message) {
      super(message);
    }
  }

  private JsonPatcher() {}

  /**
   * Splits an RFC 6901 pointer into unescaped tokens ({@code ~1} → '/', {@code ~0} → '~').
   *
   * @param pointer the pointer, {@code ""} or starting with '/'
   * @return the tokens
   */
  public static List<String> tokens(String pointer) {
    var out = new ArrayList<String>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String t : Json.split(pointer.substring(1), '/')) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /**
   * Escapes one token for a pointer.
   *
   * @param token the raw token
   * @return the escaped token
   */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Applies {@code add}: sets an object member or inserts into an array ({@code -} appends). */
  public static void add(JsonNode root, String path, JsonNode value) throws PatchException {
    List<String> t = tokens(path);
    if (t.isEmpty()) {
      throw new PatchException("cannot add at the document root");
    }
    JsonNode parent = parent(root, t, path);
    String last = t.get(t.size() - 1);
    if (parent instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if (last.equals("-")) {
        a.add(value.deepCopy());
      } else {
        int i = index(last, a.size(), path);
        a.insert(i, value.deepCopy());
      }
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  /** Applies {@code remove}: the target must exist. */
  public static void remove(JsonNode root, String path) throws PatchException {
    List<String> t = tokens(path);
    if (t.isEmpty()) {
      throw new PatchException("cannot remove the document root");
    }
    JsonNode parent = parent(root, t, path);
    String last = t.get(t.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (!o.has(last)) {
        throw new PatchException("path " + path + " does not exist");
      }
      o.remove(last);
    } else if (parent instanceof ArrayNode a) {
      a.remove(index(last, a.size() - 1, path));
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  /** Applies {@code replace}: the target must exist. */
  public static void replace(JsonNode root, String path, JsonNode value) throws PatchException {
    List<String> t = tokens(path);
    if (t.isEmpty()) {
      throw new PatchException("cannot replace the document root");
    }
    JsonNode parent = parent(root, t, path);
    String last = t.get(t.size() - 1);
    if (parent instanceof ObjectNode o) {
      if (!o.has(last)) {
        throw new PatchException("path " + path + " does not exist");
      }
      o.set(last, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      a.set(index(last, a.size() - 1, path), value.deepCopy());
    } else {
      throw new PatchException("parent of " + path + " is not an object or array");
    }
  }

  private static JsonNode parent(JsonNode root, List<String> t, String path) throws PatchException {
    JsonNode cur = root;
    for (int i = 0; i < t.size() - 1; i++) {
      String tok = t.get(i);
      JsonNode next;
      if (cur instanceof ObjectNode o) {
        next = o.get(tok);
      } else if (cur instanceof ArrayNode a) {
        next = a.get(index(tok, a.size() - 1, path));
      } else {
        next = null;
      }
      if (next == null || next.isNull()) {
        String prefix =
            "/" + String.join("/", t.subList(0, i + 1).stream().map(JsonPatcher::escape).toList());
        throw new PatchException("path " + prefix + " does not exist (needed by " + path + ")");
      }
      cur = next;
    }
    return cur;
  }

  private static int index(String tok, int max, String path) throws PatchException {
    if (tok.isEmpty()
        || !tok.chars().allMatch(Character::isDigit)
        || tok.length() > 9
        || (tok.length() > 1 && tok.charAt(0) == '0')) {
      throw new PatchException("'" + tok + "' in " + path + " is not an array index");
    }
    int i = Integer.parseInt(tok);
    if (i > max) {
      throw new PatchException("array index " + i + " in " + path + " is out of bounds");
    }
    return i;
  }
}
