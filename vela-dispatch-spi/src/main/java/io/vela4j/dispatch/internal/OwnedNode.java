package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object node whose children were freshly built by the dispatch implementation and are
 * referenced nowhere else, so {@link io.vela4j.dispatch.Manifest} may keep it without a deep copy.
 * Not API.
 */
public final class OwnedNode extends ObjectNode {
  private static final long serialVersionUID = 1L;

  /**
   * Takes over the (top-level) children of a node the caller built and will not touch again.
   *
   * @param fresh the node
   */
  public OwnedNode(ObjectNode fresh) {
    super(Json.NODES);
    fresh.fields().forEachRemaining(e -> set(e.getKey(), e.getValue()));
  }
}
