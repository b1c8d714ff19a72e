package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A per-cluster copy of a shared, immutable object tree that copies only what it changes: the root
 * is a shallow copy, and {@link #own} replaces each container on the way to a node about to be
 * changed by a shallow copy private to this tree. Unchanged subtrees stay shared with the template
 * (a 50-object bundle on 1,000 clusters with a label and an image override per cluster copies a few
 * nodes per object instead of every object). Not API; not thread-safe (one per object).
 */
public final class CopyOnWrite {
  private final ObjectNode root;

  /** The containers private to this tree (a handful per object: compared by identity). */
  private final @Nullable List<JsonNode> owned;

  private CopyOnWrite(ObjectNode root, @Nullable List<JsonNode> owned) {
    this.root = root;
    this.owned = owned;
  }

  /**
   * A copy-on-write view of a shared tree, which is never modified through it.
   *
   * @param shared the template's tree
   * @return the view, whose root is already private
   */
  public static CopyOnWrite of(ObjectNode shared) {
    List<JsonNode> owned = new ArrayList<>(4);
    ObjectNode root = (ObjectNode) shallowCopy(shared);
    owned.add(root);
    return new CopyOnWrite(root, owned);
  }

  /**
   * A view of a tree the caller owns entirely: {@link #own} does nothing.
   *
   * @param tree the tree
   * @return the view
   */
  public static CopyOnWrite owning(ObjectNode tree) {
    return new CopyOnWrite(tree, null);
  }

  /** The root of this tree (private to it; its unchanged subtrees may be shared). */
  public ObjectNode root() {
    return root;
  }

  /**
   * Makes every container on the way from the root to {@code pointer}, the node at {@code pointer}
   * included, private to this tree, as far as the path exists. Call it before changing the node at
   * {@code pointer} or one of its members.
   *
   * @param pointer an RFC 6901 pointer
   */
  public void own(String pointer) {
    if (owned == null) {
      return;
    }
    JsonNode cur = root;
    for (String tok : JsonPatcher.tokens(pointer)) {
      JsonNode child;
      if (cur instanceof ObjectNode o) {
        child = o.get(tok);
        if (child == null || !child.isContainerNode()) {
          return;
        }
        if (!isOwned(owned, child)) {
          child = shallowCopy(child);
          owned.add(child);
          o.set(tok, child);
        }
      } else if (cur instanceof ArrayNode a) {
        int i = index(tok, a.size());
        if (i < 0 || !a.get(i).isContainerNode()) {
          return;
        }
        child = a.get(i);
        if (!isOwned(owned, child)) {
          child = shallowCopy(child);
          owned.add(child);
          a.set(i, child);
        }
      } else {
        return;
      }
      cur = child;
    }
  }

  /**
   * The pointer of the parent of {@code pointer} ({@code /a/b} for {@code /a/b/c}).
   *
   * @param pointer an RFC 6901 pointer
   * @return the parent's pointer, {@code ""} for the root
   */
  public static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  private static boolean isOwned(List<JsonNode> owned, JsonNode node) {
    for (JsonNode n : owned) {
      if (n == node) {
        return true;
      }
    }
    return false;
  }

  private static int index(String tok, int size) {
    if (tok.isEmpty() || tok.length() > 9) {
      return -1;
    }
    for (int i = 0; i < tok.length(); i++) {
      if (tok.charAt(i) < '0' || tok.charAt(i) > '9') {
        return -1;
      }
    }
    int i = Integer.parseInt(tok);
    return i < size ? i : -1;
  }

  private static JsonNode shallowCopy(JsonNode n) {
    if (n instanceof ObjectNode o) {
      ObjectNode out = new OwnedNode(o.size() + 1); // room for one more member (a new label)
      o.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
      return out;
    }
    ArrayNode out = Json.NODES.arrayNode(n.size());
    n.forEach(out::add);
    return out;
  }
}
