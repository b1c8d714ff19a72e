package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * An object node whose children were freshly built by the dispatch implementation and are
 * referenced nowhere else (or are shared, immutable trees), so {@link io.vela4j.dispatch.Manifest}
 * and {@link io.vela4j.dispatch.Delivery} may keep it without a deep copy. Not API.
 */
public final class OwnedNode extends ObjectNode {
  private static final long serialVersionUID = 1L;

  /**
   * Takes over the (top-level) children of a node the caller built and will not touch again.
   *
   * @param fresh the node
   */
  public OwnedNode(ObjectNode fresh) {
    this(fresh.size());
    fresh.properties().forEach(e -> set(e.getKey(), e.getValue()));
  }

  /**
   * An empty node sized for {@code expected} members (the default map of sixteen slots is twice too
   * big for most Kubernetes objects, and plans keep many of them).
   *
   * @param expected the number of members it will hold
   */
  public OwnedNode(int expected) {
    super(Json.NODES, new LinkedHashMap<String, JsonNode>(capacity(expected)));
  }

  /** A hash map capacity that holds {@code n} entries without growing. */
  static int capacity(int n) {
    return Math.max(2, (int) (n / 0.75f) + 1);
  }
}
