package io.vela4j.render.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.oam.ApplicationComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * KubeVela's template {@code context} ({@code velaprocess.NewContext} and {@code BaseContextFile}):
 * what every component, trait and policy template of one application sees.
 *
 * @param appName the application's name
 * @param namespace the namespace objects go to (the placement's, else the application's, else
 *     {@code default})
 * @param appRevision {@code <app>-v<N>}
 * @param appLabels the application's labels
 * @param appAnnotations the application's annotations
 * @param components the application's components as JSON
 * @param cluster the target cluster ({@code local} for the hub)
 * @param clusterVersion the target cluster's version object
 * @param replicaKey the replication key, or {@code ""}
 */
public record ContextData(
    String appName,
    String namespace,
    String appRevision,
    Map<String, String> appLabels,
    Map<String, String> appAnnotations,
    ArrayNode components,
    String cluster,
    ObjectNode clusterVersion,
    String replicaKey) {

  /** KubeVela's annotation naming the workflow ({@code context.workflowName}). */
  public static final String WORKFLOW_NAME = "app.oam.dev/workflowName";

  /** KubeVela's annotation giving the publish version ({@code context.publishVersion}). */
  public static final String PUBLISH_VERSION = "app.oam.dev/publishVersion";

  private static final ObjectMapper COMPACT =
      Json.MAPPER.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);

  /** The components as KubeVela marshals them ({@code omitempty} fields left out). */
  public static ArrayNode components(List<ApplicationComponent> components) {
    ArrayNode a = Json.array();
    for (ApplicationComponent c : components) {
      JsonNode n = COMPACT.valueToTree(c);
      if (n instanceof ObjectNode o && c.properties() != null) {
        o.set("properties", c.properties().deepCopy()); // {} is kept, as Go keeps a non-nil raw
      }
      a.add(Json.goNumbers(n));
    }
    return a;
  }

  /**
   * The cluster version object of a {@code major.minor[.patch]} version string, as KubeVela's
   * {@code parseClusterVersion} gives it: {@code {major, minor (an int), gitVersion, platform}}.
   */
  public static ObjectNode clusterVersion(String version) {
    String v = version.startsWith("v") ? version.substring(1) : version;
    List<String> parts = Tags.split(v, '.');
    String major = parts.get(0);
    int minor = 0;
    if (parts.size() > 1) {
      String m = parts.get(1);
      int k = 0;
      while (k < m.length() && Character.isDigit(m.charAt(k))) {
        k++;
      }
      minor = k == 0 ? 0 : Integer.parseInt(m.substring(0, Math.min(k, 9)));
    }
    ObjectNode o = Json.object();
    o.put("major", major);
    o.put("minor", minor);
    o.put("gitVersion", "v" + (parts.size() > 2 ? v : v + (parts.size() == 2 ? ".0" : ".0.0")));
    o.put("platform", "linux/amd64");
    return o;
  }

  /** The revision number of {@code <app>-v<N>}, 0 when it has none ({@code ExtractRevisionNum}). */
  public static int revisionNumber(String appRevision) {
    int dash = appRevision.lastIndexOf("-v");
    if (dash < 0) {
      return 0;
    }
    try {
      return Integer.parseInt(appRevision.substring(dash + 2));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The context of a component's (or policy's) own template. */
  public ObjectNode forComponent(String name, @Nullable JsonNode properties) {
    ObjectNode c = Json.object();
    c.put("name", name);
    c.put("namespace", namespace);
    c.put("appName", appName);
    c.put("appRevision", appRevision);
    c.put("appRevisionNum", revisionNumber(appRevision));
    c.put("revision", "");
    c.set("components", components);
    c.set("appLabels", map(appLabels));
    c.set("appAnnotations", map(appAnnotations));
    c.put("workflowName", appAnnotations.getOrDefault(WORKFLOW_NAME, ""));
    c.put("publishVersion", appAnnotations.getOrDefault(PUBLISH_VERSION, ""));
    c.put("cluster", cluster);
    c.set("clusterVersion", clusterVersion);
    c.put("replicaKey", replicaKey);
    if (properties != null && !properties.isNull()) {
      c.set("parameter", Json.goNumbers(properties));
    }
    return c;
  }

  /** The context of a trait's template: the component's, plus output, outputs, componentType. */
  public static ObjectNode forTrait(
      ObjectNode componentContext,
      ObjectNode output,
      Map<String, ObjectNode> outputs,
      String componentType) {
    ObjectNode c = componentContext.deepCopy();
    c.set("output", output);
    if (!outputs.isEmpty()) {
      ObjectNode o = c.putObject("outputs");
      outputs.forEach(o::set);
    }
    c.put("componentType", componentType);
    return c;
  }

  private static ObjectNode map(Map<String, String> m) {
    ObjectNode o = Json.object();
    new TreeMap<>(m).forEach(o::put);
    return o;
  }
}
