package io.vela4j.render.internal;

import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KubeVela's {@code topology} policy ({@code pkg/policy/topology.go}): where a deploy step puts the
 * components.
 *
 * <ul>
 *   <li>{@code clusters} (takes priority): each must be a known cluster ({@code local} always is) →
 *       one placement each, in list order.
 *   <li>else {@code clusterLabelSelector} (or the deprecated {@code clusterSelector}): every known
 *       cluster whose labels contain all of the selector's, in name order; none is an error unless
 *       {@code allowEmpty}.
 *   <li>else the hub, {@code local}.
 * </ul>
 *
 * {@code namespace}, when set, is the namespace of every placement. Placements of all the step's
 * topology policies are de-duplicated by (cluster, namespace); a step without topology places on
 * {@code local}.
 */
public final class Topology {
  private static final Set<String> FIELDS =
      Set.of("clusters", "clusterLabelSelector", "clusterSelector", "allowEmpty", "namespace");

  /** One placement decision: a cluster and an optional namespace ({@code ""} = the app's). */
  public record Decision(String cluster, String namespace) {}

  private Topology() {}

  /**
   * The placements of a step's topology policies.
   *
   * @param topologies the topology policies, in step order, with their field paths
   * @param clusters the known clusters, or {@code null} when none were given (then named clusters
   *     are accepted unchecked and label selectors are an error)
   * @return the de-duplicated placements
   */
  public static List<Decision> place(
      Map<String, AppPolicy> topologies,
      @org.jspecify.annotations.Nullable List<Cluster> clusters) {
    var out = new LinkedHashMap<String, Decision>();
    var problems = new ArrayList<Diagnostic>();
    if (topologies.isEmpty()) {
      return List.of(new Decision("local", ""));
    }
    for (var e : topologies.entrySet()) {
      String path = e.getKey();
      AppPolicy policy = e.getValue();
      PolicyProperties p = PolicyProperties.of(policy.properties(), path + ".properties", FIELDS);
      String ns = p.string("namespace");
      String namespace = ns == null ? "" : ns;
      List<String> names = p.strings("clusters");
      Map<String, String> selector = p.stringMap("clusterLabelSelector");
      if (selector.isEmpty()) {
        selector = p.stringMap("clusterSelector");
      }
      boolean allowEmpty = p.bool("allowEmpty");
      if (names != null && !names.isEmpty()) {
        for (int i = 0; i < names.size(); i++) {
          String c = names.get(i);
          if (clusters != null
              && !c.equals("local")
              && clusters.stream().noneMatch(k -> c.equals(name(k)))) {
            p.problem(
                Diagnostic.error(
                        RenderException.UNKNOWN_CLUSTER,
                        "topology "
                            + policy.name()
                            + ": cluster '"
                            + c
                            + "' is not a known cluster",
                        io.vela4j.model.Paths.index(p.path("clusters"), i))
                    .withFacts(
                        "one of local, "
                            + String.join(
                                ", ", clusters.stream().map(Topology::name).sorted().toList()),
                        c));
          }
          out.putIfAbsent(c + "/" + namespace, new Decision(c, namespace));
        }
      } else if (!selector.isEmpty()) {
        if (clusters == null) {
          p.problem(
              Diagnostic.error(
                      RenderException.UNKNOWN_CLUSTER,
                      "topology "
                          + policy.name()
                          + " selects clusters by label, but no clusters are known (give the Cluster objects)",
                      p.path("clusterLabelSelector"))
                  .withFacts("a list of Cluster objects", "none"));
          continue;
        }
        int found = 0;
        final Map<String, String> sel = selector;
        for (Cluster c :
            clusters.stream().sorted(java.util.Comparator.comparing(Topology::name)).toList()) {
          Map<String, String> labels =
              c.getMetadata() == null || c.getMetadata().getLabels() == null
                  ? Map.of()
                  : c.getMetadata().getLabels();
          if (sel.entrySet().stream().allMatch(l -> l.getValue().equals(labels.get(l.getKey())))) {
            out.putIfAbsent(name(c) + "/" + namespace, new Decision(name(c), namespace));
            found++;
          }
        }
        if (found == 0 && !allowEmpty) {
          p.problem(
              Diagnostic.error(
                      RenderException.INVALID_POLICY,
                      "topology "
                          + policy.name()
                          + ": failed to find any cluster matches given labels",
                      p.path("clusterLabelSelector"))
                  .withFacts("at least one cluster labelled " + sel, "none (allowEmpty is false)"));
        }
      } else {
        out.putIfAbsent("local/" + namespace, new Decision("local", namespace));
      }
      problems.addAll(p.problems());
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return List.copyOf(out.values());
  }

  static String name(Cluster c) {
    return c.getMetadata() == null || c.getMetadata().getName() == null
        ? ""
        : c.getMetadata().getName();
  }
}
