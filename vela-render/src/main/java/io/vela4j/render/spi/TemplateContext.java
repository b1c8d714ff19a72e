package io.vela4j.render.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * KubeVela's {@code context} as a Java template sees it: typed accessors over the same JSON a CUE
 * template gets. Immutable (accessors return copies of trees).
 *
 * @param json the context, as CUE templates see it
 */
public record TemplateContext(ObjectNode json) {

  /** Copies the tree. */
  public TemplateContext {
    json = json.deepCopy();
  }

  /**
   * The context a component template sees when it is the only component of an application, rendered
   * on the hub with the default cluster version: for trying a definition out.
   *
   * @param component the component's name
   * @param app the application's name
   * @param namespace the namespace
   * @return the context
   */
  public static TemplateContext forComponent(String component, String app, String namespace) {
    var data =
        new io.vela4j.render.internal.ContextData(
            app,
            namespace,
            app + "-v1",
            Map.of(),
            Map.of(),
            io.vela4j.render.internal.Json.array(),
            "local",
            io.vela4j.render.internal.ContextData.clusterVersion(
                io.vela4j.render.RenderOptions.DEFAULT_CLUSTER_VERSION),
            "");
    return new TemplateContext(data.forComponent(component, null));
  }

  /** The component's name ({@code context.name}). */
  public String name() {
    return json.path("name").asText("");
  }

  /** The namespace the objects go to ({@code context.namespace}). */
  public String namespace() {
    return json.path("namespace").asText("");
  }

  /** The application's name ({@code context.appName}). */
  public String appName() {
    return json.path("appName").asText("");
  }

  /** The application revision, {@code <app>-v<N>} ({@code context.appRevision}). */
  public String appRevision() {
    return json.path("appRevision").asText("");
  }

  /** The target cluster ({@code context.cluster}, {@code local} for the hub). */
  public String cluster() {
    return json.path("cluster").asText("");
  }

  /** The replication key ({@code context.replicaKey}), or {@code ""}. */
  public String replicaKey() {
    return json.path("replicaKey").asText("");
  }

  /** The application's labels ({@code context.appLabels}). */
  public Map<String, String> appLabels() {
    var m = new TreeMap<String, String>();
    json.path("appLabels").properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  /** For traits: the workload as patched by earlier traits ({@code context.output}), or null. */
  public @Nullable ObjectNode output() {
    JsonNode o = json.get("output");
    return o instanceof ObjectNode n ? n.deepCopy() : null;
  }

  /** For traits: the auxiliary objects so far, by name ({@code context.outputs}). */
  public Map<String, ObjectNode> outputs() {
    var m = new TreeMap<String, ObjectNode>();
    json.path("outputs")
        .properties()
        .forEach(
            e -> {
              if (e.getValue() instanceof ObjectNode o) {
                m.put(e.getKey(), o.deepCopy());
              }
            });
    return m;
  }

  /** The context as JSON (a copy). */
  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }
}
