package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The labels, annotations, names and namespaces KubeVela puts on rendered objects, in KubeVela's
 * order ({@code makeWorkloadWithContext}, {@code evalWorkloadWithContext}, then {@code
 * SetOAMContract}); every "add" lets the added value win over the template's.
 *
 * <ol>
 *   <li>Render: the workload gets {@code app.oam.dev/component}, {@code app.oam.dev/name}, {@code
 *       app.oam.dev/appRevision} and {@code workload.oam.dev/type}; each auxiliary the same three
 *       plus {@code trait.oam.dev/type} ({@code AuxiliaryWorkload} for a component's own outputs)
 *       and {@code trait.oam.dev/resource} (its output name).
 *   <li>Contract: the workload's name defaults to the component's; an auxiliary without a name is
 *       named {@code <component>-<trait type>-<hash of its content>}; the namespace defaults to the
 *       application's (not on cluster-scoped kinds: KubeVela spares only {@code v1/Namespace}; a
 *       deliberate difference); {@code app.oam.dev/resourceType} ({@code WORKLOAD} or {@code
 *       TRAIT}) is added, then the application's labels overridden by {@code app.oam.dev/name},
 *       {@code /namespace}, {@code /appRevision}, {@code /component}, minus the keys listed in the
 *       application's {@code filter.oam.dev/label-keys}; the application's annotations are copied,
 *       minus {@code app.oam.dev/inplace-upgrade}, the two filter annotations, {@code
 *       kubectl.kubernetes.io/last-applied-configuration} and the keys listed in {@code
 *       filter.oam.dev/annotation-keys}. The annotation map is always present.
 * </ol>
 */
public final class OamContract {
  public static final String APP_NAME = "app.oam.dev/name";
  public static final String APP_NAMESPACE = "app.oam.dev/namespace";
  public static final String APP_REVISION = "app.oam.dev/appRevision";
  public static final String APP_COMPONENT = "app.oam.dev/component";
  public static final String RESOURCE_TYPE = "app.oam.dev/resourceType";
  public static final String WORKLOAD_TYPE = "workload.oam.dev/type";
  public static final String TRAIT_TYPE = "trait.oam.dev/type";
  public static final String TRAIT_RESOURCE = "trait.oam.dev/resource";
  public static final String AUXILIARY_WORKLOAD = "AuxiliaryWorkload";
  public static final String FILTER_LABELS = "filter.oam.dev/label-keys";
  public static final String FILTER_ANNOTATIONS = "filter.oam.dev/annotation-keys";

  private static final List<String> DEFAULT_FILTERED_ANNOTATIONS =
      List.of(
          "app.oam.dev/inplace-upgrade",
          FILTER_LABELS,
          FILTER_ANNOTATIONS,
          "kubectl.kubernetes.io/last-applied-configuration");

  private final String appName;
  private final String appNamespace;
  private final String appRevision;
  private final Map<String, String> appLabels;
  private final Map<String, String> appAnnotations;
  private final BiPredicate<String, String> clusterScoped;

  /**
   * The contract of one application.
   *
   * @param clusterScoped whether an (apiVersion, kind) is cluster-scoped
   */
  public OamContract(
      String appName,
      String appNamespace,
      String appRevision,
      Map<String, String> appLabels,
      Map<String, String> appAnnotations,
      BiPredicate<String, String> clusterScoped) {
    this.appName = appName;
    this.appNamespace = appNamespace;
    this.appRevision = appRevision;
    this.appLabels = appLabels;
    this.appAnnotations = appAnnotations;
    this.clusterScoped = clusterScoped;
  }

  /** Phase 1 of the workload (render labels). */
  public void renderWorkload(ObjectNode workload, String component, String type) {
    Map<String, String> l = base(component);
    l.put(WORKLOAD_TYPE, type);
    addLabels(workload, l);
  }

  /** Phase 1 of an auxiliary. */
  public void renderAuxiliary(ObjectNode aux, String component, String traitType, String output) {
    Map<String, String> l = base(component);
    l.put(TRAIT_TYPE, traitType);
    if (!output.isEmpty()) {
      l.put(TRAIT_RESOURCE, output);
    }
    addLabels(aux, l);
  }

  private Map<String, String> base(String component) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put(APP_COMPONENT, component);
    l.put(APP_NAME, appName);
    l.put(APP_REVISION, appRevision);
    return l;
  }

  /** Phase 2 of the workload (SetOAMContract). */
  public void contractWorkload(ObjectNode workload, String component) {
    ObjectNode md = metadata(workload);
    if (md.path("name").asText("").isEmpty()) {
      md.put("name", component);
    }
    namespace(workload);
    addLabels(workload, Map.of(RESOURCE_TYPE, "WORKLOAD"));
    addLabels(workload, common(component));
    annotations(workload);
  }

  /** Phase 2 of an auxiliary. */
  public void contractAuxiliary(ObjectNode aux, String component) {
    ObjectNode md = metadata(aux);
    if (md.path("name").asText("").isEmpty()) {
      String type = md.path("labels").path(TRAIT_TYPE).asText("");
      ObjectNode forHash = aux.deepCopy();
      if (forHash.path("metadata").path("labels") instanceof ObjectNode l) {
        l.remove(APP_REVISION);
      }
      String hash = Json.sha256(Json.canonical(forHash)).substring(0, 10);
      md.put("name", component + "-" + type.toLowerCase(java.util.Locale.ROOT) + "-" + hash);
    }
    addLabels(aux, Map.of(RESOURCE_TYPE, "TRAIT"));
    addLabels(aux, common(component));
    annotations(aux);
    namespace(aux);
  }

  private Map<String, String> common(String component) {
    Map<String, String> l = new LinkedHashMap<>(appLabels);
    l.put(APP_NAME, appName);
    l.put(APP_NAMESPACE, appNamespace);
    l.put(APP_REVISION, appRevision);
    l.put(APP_COMPONENT, component);
    String filter = appAnnotations.get(FILTER_LABELS);
    if (filter != null) {
      for (String k : Tags.split(filter, ',')) {
        l.remove(k.strip());
      }
    }
    return l;
  }

  private void annotations(ObjectNode obj) {
    ObjectNode md = metadata(obj);
    ObjectNode a = md.get("annotations") instanceof ObjectNode o ? o : md.putObject("annotations");
    appAnnotations.forEach(a::put);
    List<String> filtered = new ArrayList<>(DEFAULT_FILTERED_ANNOTATIONS);
    String passed = appAnnotations.get(FILTER_ANNOTATIONS);
    if (passed != null) {
      for (String k : Tags.split(passed, ',')) {
        filtered.add(k.strip());
      }
    }
    filtered.forEach(a::remove);
  }

  private void namespace(ObjectNode obj) {
    ObjectNode md = metadata(obj);
    if (!md.path("namespace").asText("").isEmpty()) {
      return;
    }
    String apiVersion = obj.path("apiVersion").asText("");
    String kind = obj.path("kind").asText("");
    if (!clusterScoped.test(apiVersion, kind)) {
      md.put("namespace", appNamespace);
    }
  }

  /** Sets the namespace of a placed object (a placement with a namespace overrides it). */
  public void placeIn(ObjectNode obj, String namespace) {
    String apiVersion = obj.path("apiVersion").asText("");
    String kind = obj.path("kind").asText("");
    if (!clusterScoped.test(apiVersion, kind)) {
      metadata(obj).put("namespace", namespace);
    }
  }

  static ObjectNode metadata(ObjectNode obj) {
    JsonNode md = obj.get("metadata");
    return md instanceof ObjectNode o ? o : obj.putObject("metadata");
  }

  static void addLabels(ObjectNode obj, Map<String, String> labels) {
    ObjectNode md = metadata(obj);
    ObjectNode l = md.get("labels") instanceof ObjectNode o ? o : md.putObject("labels");
    labels.forEach(l::put);
  }
}
