package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.render.spi.Patch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies a trait's {@link Patch} to an object, as KubeVela's patch engine ({@code StrategyUnify}
 * of kubevela/workflow) does.
 *
 * <p><b>Strategic unification.</b> KubeVela opens every list of the target ({@code [a, b, ...]}),
 * rewrites the patch's keyed lists, and unifies the two in CUE. Here the same happens on JSON
 * trees, walking the patch:
 *
 * <ul>
 *   <li>Objects merge field by field; a field absent from the target is added; equal scalars agree;
 *       different scalars, or an object against a scalar or list, conflict.
 *   <li>Tags come from the doc comments of the patch's fields ({@link Patch#directives()}); a
 *       field's tags are its parent's overridden by its own, so {@code patchKey} is inherited by
 *       every field below, list elements included.
 *   <li>A field with its own {@code patchStrategy=retainKeys} that is not a list replaces the
 *       target's field.
 *   <li>A list field with its own {@code patchStrategy=replace} replaces the target's list.
 *   <li>A list field under a {@code patchKey} is rebuilt by KubeVela's {@code listMergeProcess}
 *       (see {@link #keyed}): matched items merge in the target's order, new items are appended,
 *       patch items without the key are dropped, and a non-scalar key value anywhere leaves the
 *       list to plain positional unification. With its own {@code retainKeys}, matched items are
 *       replaced instead of merged.
 *   <li>Other lists unify position by position: the target is open, so a longer patch appends; a
 *       shorter patch conflicts unless it is open ({@code [x, ...T]}), in which case the target's
 *       remaining items are unified with {@code T} (without tags, as KubeVela does not walk into
 *       ellipses).
 * </ul>
 *
 * <p><b>JSON Merge Patch</b> (RFC 7396) and <b>JSON Patch</b> (RFC 6902, the operations under
 * {@code patch.operations}) are applied to the target's JSON as KubeVela does with evanphx's
 * json-patch.
 *
 * <p>The target is never modified: the result is a new tree (sharing nothing with the patch).
 */
public final class PatchEngine {

  /** A patch that cannot be applied: a conflict or a failed operation, at a JSON Pointer. */
  public static final class PatchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pointer;
    private final @Nullable String expected;
    private final @Nullable String found;

    PatchFailure(
        String message, String pointer, @Nullable String expected, @Nullable String found) {
      super(message, null, false, false);
      this.pointer = pointer;
      this.expected = expected;
      this.found = found;
    }

    /** The JSON Pointer in the target where it failed. */
    public String pointer() {
      return pointer;
    }

    /** What the target had there, or {@code null}. */
    public @Nullable String expected() {
      return expected;
    }

    /** What the patch wanted there, or {@code null}. */
    public @Nullable String found() {
      return found;
    }
  }

  private static final String PATCH_KEY = "patchKey";
  private static final String PATCH_STRATEGY = "patchStrategy";
  private static final String RETAIN_KEYS = "retainKeys";
  private static final String REPLACE = "replace";

  private final Patch patch;

  private PatchEngine(Patch patch) {
    this.patch = patch;
  }

  /**
   * Applies {@code patch} to a copy of {@code target}.
   *
   * @param target the object to patch (not modified)
   * @param patch the patch
   * @return the patched copy
   * @throws PatchFailure when the patch conflicts with the target or an operation fails
   */
  public static ObjectNode apply(ObjectNode target, Patch patch) {
    JsonNode result =
        switch (patch.strategy()) {
          case STRATEGIC -> new PatchEngine(patch).strategic(target);
          case JSON_MERGE_PATCH -> JsonPatches.mergePatch(target.deepCopy(), patch.value());
          case JSON_PATCH -> JsonPatches.apply(target.deepCopy(), patch.value().path("operations"));
        };
    if (!(result instanceof ObjectNode o)) {
      throw new PatchFailure(
          "the patched object is no longer an object", "", "an object", Json.describe(result));
    }
    return o;
  }

  private JsonNode strategic(ObjectNode target) {
    JsonNode p = patch.value();
    if (!p.isObject()) {
      throw new PatchFailure("a patch must be an object", "", "an object", Json.describe(p));
    }
    // the patch's own doc comment only selects the strategy: KubeVela walks the fields inside it
    return object(target, (ObjectNode) p, "", "", Map.of(), true);
  }

  private static Map<String, String> inheritable(
      Map<String, String> parent, Map<String, String> own) {
    if (own.isEmpty()) {
      return parent;
    }
    var m = new HashMap<>(parent);
    m.putAll(own);
    return m;
  }

  /** Unifies a patch object into a target object (copied); {@code tags} are those in effect. */
  private ObjectNode object(
      ObjectNode target,
      ObjectNode p,
      String targetPtr,
      String patchPtr,
      Map<String, String> tags,
      boolean tagsOn) {
    ObjectNode out = target.deepCopy();
    for (var e : p.properties()) {
      String key = e.getKey();
      String pp = Json.child(patchPtr, key);
      Map<String, String> own = tagsOn ? patch.directives().getOrDefault(pp, Map.of()) : Map.of();
      JsonNode merged =
          field(
              out.get(key),
              e.getValue(),
              Json.child(targetPtr, key),
              pp,
              inheritable(tags, own),
              own,
              tagsOn);
      out.set(key, merged);
    }
    return out;
  }

  /** Unifies the value of one patch field with the target's value of that field. */
  private JsonNode field(
      @Nullable JsonNode target,
      JsonNode p,
      String targetPtr,
      String patchPtr,
      Map<String, String> tags,
      Map<String, String> own,
      boolean tagsOn) {
    String strategy = own.getOrDefault(PATCH_STRATEGY, "");
    if (p.isArray()) {
      if (target == null) {
        return p.deepCopy();
      }
      if (!target.isArray()) {
        throw conflict(targetPtr, target, p);
      }
      if (REPLACE.equals(strategy)) {
        return p.deepCopy();
      }
      String key = tags.getOrDefault(PATCH_KEY, "");
      if (tagsOn && !key.isEmpty()) {
        ArrayNode k =
            keyed(
                (ArrayNode) target,
                (ArrayNode) p,
                key,
                RETAIN_KEYS.equals(strategy),
                targetPtr,
                patchPtr,
                tags);
        if (k != null) {
          return k;
        }
      }
      return positional((ArrayNode) target, (ArrayNode) p, targetPtr, patchPtr, tags, tagsOn);
    }
    if (RETAIN_KEYS.equals(strategy) || target == null) {
      return p.deepCopy();
    }
    return value(target, p, targetPtr, patchPtr, tags, tagsOn);
  }

  /** Unifies two values that are not a list field with tags (list elements, nested values). */
  private JsonNode value(
      JsonNode target,
      JsonNode p,
      String targetPtr,
      String patchPtr,
      Map<String, String> tags,
      boolean tagsOn) {
    if (p.isObject()) {
      if (!target.isObject()) {
        throw conflict(targetPtr, target, p);
      }
      return object((ObjectNode) target, (ObjectNode) p, targetPtr, patchPtr, tags, tagsOn);
    }
    if (p.isArray()) {
      if (!target.isArray()) {
        throw conflict(targetPtr, target, p);
      }
      return positional((ArrayNode) target, (ArrayNode) p, targetPtr, patchPtr, tags, tagsOn);
    }
    if (target.isContainerNode() || !Json.sameScalar(target, p)) {
      throw conflict(targetPtr, target, p);
    }
    return target;
  }

  /** Positional unification of a patch list with an open target list. */
  private ArrayNode positional(
      ArrayNode target,
      ArrayNode p,
      String targetPtr,
      String patchPtr,
      Map<String, String> tags,
      boolean tagsOn) {
    Patch.ElementConstraint template = patch.elementConstraints().get(patchPtr);
    int m = p.size();
    int n = target.size();
    if (m < n && !open(patchPtr)) {
      throw new PatchFailure(
          "incompatible list lengths: the target has "
              + n
              + " items, the patch "
              + m
              + " (a patch list shorter than its target must be open, [...], or keyed by a"
              + " patchKey)",
          targetPtr,
          n + " items",
          m + " items");
    }
    List<JsonNode> constrained = List.of();
    if (m < n) {
      var rest = new ArrayList<JsonNode>();
      for (int i = m; i < n; i++) {
        rest.add(target.get(i));
      }
      constrained = constrain(template, rest, targetPtr);
    }
    ArrayNode out = Json.array();
    for (int i = 0; i < Math.max(m, n); i++) {
      String tp = targetPtr + "/" + i;
      if (i < m && i < n) {
        out.add(value(target.get(i), p.get(i), tp, patchPtr + "/" + i, tags, tagsOn));
      } else if (i < n) {
        // beyond the patch's own items: the open list's element constraint
        out.add(constrained.get(i - m));
      } else {
        out.add(p.get(i).deepCopy());
      }
    }
    return out;
  }

  /** Whether the patch list at {@code patchPtr} is open (has an element constraint). */
  private boolean open(String patchPtr) {
    Patch.ElementConstraint c = patch.elementConstraints().get(patchPtr);
    return c != null && c.isOpen();
  }

  private static List<JsonNode> constrain(
      Patch.ElementConstraint c, List<JsonNode> items, String pointer) {
    List<JsonNode> out;
    try {
      out = c.unify(items);
    } catch (IllegalArgumentException e) {
      throw new PatchFailure(
          String.valueOf(e.getMessage()), pointer, null, "the list's element constraint");
    }
    if (out.size() != items.size()) {
      throw new IllegalStateException(
          "an element constraint returned " + out.size() + " items for " + items.size());
    }
    return out;
  }

  /**
   * KubeVela's {@code listMergeProcess}: rebuilds the patch list so that position {@code i} holds
   * the patch item whose key matches target item {@code i} (or an empty object), followed by the
   * unmatched patch items in patch order, then unifies it positionally with the (open) target.
   *
   * @return the merged list, or {@code null} when KubeVela aborts the rebuild (a key value that is
   *     not a scalar, or patch items none of which has the key) and plain positional unification
   *     applies
   */
  private @Nullable ArrayNode keyed(
      ArrayNode target,
      ArrayNode p,
      String key,
      boolean retain,
      String targetPtr,
      String patchPtr,
      Map<String, String> tags) {
    Map<String, Integer> kmaps = new HashMap<>();
    List<Integer> slots = new ArrayList<>(); // patch index, or -1 for "keep the target item"
    boolean[] emptied = new boolean[target.size()];
    for (String k : Tags.split(key, ',')) {
      String[] path = Tags.split(k, '.').toArray(String[]::new);
      boolean found = false;
      for (int i = 0; i < p.size(); i++) {
        JsonNode v = lookup(p.get(i), path);
        if (v == null) {
          continue;
        }
        found = true;
        if (v.isContainerNode()) {
          return null;
        }
        kmaps.put(keyOf(k, v), i);
      }
      if (!found) {
        if (p.isEmpty() && !open(patchPtr)) {
          continue;
        }
        return null;
      }
      for (int j = 0; j < target.size(); j++) {
        JsonNode v = lookup(target.get(j), path);
        if (v == null) {
          continue;
        }
        if (v.isContainerNode()) {
          return null;
        }
        Integer match = kmaps.remove(keyOf(k, v));
        if (match != null) {
          if (retain) {
            emptied[j] = true;
          }
          slots.add(match);
        } else {
          slots.add(-1);
        }
      }
    }
    var remaining = new HashSet<>(kmaps.values());
    for (int i = 0; i < p.size(); i++) {
      if (remaining.contains(i)) {
        slots.add(i);
      }
    }
    ArrayNode out = Json.array();
    for (int i = 0; i < Math.max(slots.size(), target.size()); i++) {
      String tp = targetPtr + "/" + i;
      if (i < target.size()) {
        JsonNode base = emptied[i] ? Json.object() : target.get(i);
        int s = i < slots.size() ? slots.get(i) : -1;
        out.add(
            s < 0 ? base.deepCopy() : value(base, p.get(s), tp, patchPtr + "/" + s, tags, true));
      } else {
        out.add(p.get(slots.get(i)).deepCopy());
      }
    }
    return out;
  }

  /** The key under which KubeVela's {@code kmaps} files a key value: same literal, same entry. */
  private static String keyOf(String key, JsonNode v) {
    return key + "\u0000" + (v.isTextual() ? "\"" + v.textValue() : v.toString());
  }

  private static @Nullable JsonNode lookup(JsonNode n, String[] path) {
    JsonNode cur = n;
    for (String seg : path) {
      if (cur.isObject()) {
        cur = cur.get(seg);
      } else if (cur.isArray() && isIndex(seg)) {
        cur = cur.get(Integer.parseInt(seg));
      } else {
        return null;
      }
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  private static boolean isIndex(String s) {
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

  static PatchFailure conflict(String pointer, JsonNode target, JsonNode p) {
    String what =
        target.isContainerNode() || p.isContainerNode()
            ? "conflicting values: " + Json.describe(target) + " and " + Json.describe(p)
            : "conflicting values " + p + " and " + target;
    return new PatchFailure(what, pointer, Json.describe(target), Json.describe(p));
  }
}
