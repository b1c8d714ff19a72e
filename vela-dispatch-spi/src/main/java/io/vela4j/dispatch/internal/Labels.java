package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Labels and annotations Vela4J puts on the wrapper objects it generates. Not API. */
public final class Labels {
  /** Label: the bundle id. */
  public static final String BUNDLE = "dispatch.vela4j.io/bundle";

  /** Label: the member cluster a wrapper object is for. */
  public static final String CLUSTER = "dispatch.vela4j.io/cluster";

  /** Label: the chunk index of an OCM ManifestWork. */
  public static final String CHUNK = "dispatch.vela4j.io/chunk";

  /** Annotation: the bundle revision. */
  public static final String REVISION = "dispatch.vela4j.io/revision";

  private Labels() {}

  /** A new object with apiVersion, kind and metadata (name, optional namespace, labels). */
  public static ObjectNode wrapper(
      String apiVersion,
      String kind,
      String name,
      @org.jspecify.annotations.Nullable String namespace,
      String bundle,
      String revision) {
    ObjectNode o = Json.NODES.objectNode();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    meta.putObject("labels").put(BUNDLE, bundle);
    meta.putObject("annotations").put(REVISION, revision);
    return o;
  }
}
