package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.AppDeploymentSpec;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.RenderResult.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The legacy {@code AppDeployment} (KubeVela 1.0–1.1): each of {@code spec.appRevisions} is
 * rendered from its ApplicationRevision (every component, as {@code GenerateComponentManifests}
 * does) once per cluster of each placement, then {@code distribution.replicas} is written to the
 * workloads' {@code spec.replicas} and every object is labelled {@code
 * app.oam.dev/appDeployment=<name>} and {@code app.oam.dev/appRevision=<revision>}.
 *
 * <p>Clusters: {@code clusterSelector.name} picks the cluster, as KubeVela did; with {@code labels}
 * too, the named cluster must carry them (else {@code PLACEMENT_MISMATCH}); {@code labels} alone
 * select every matching {@code Cluster} (a Vela4J extension: KubeVela ignored them); neither is the
 * host cluster ({@code local}).
 */
public final class AppDeploymentRender {
  public static final String APP_DEPLOYMENT_LABEL = "app.oam.dev/appDeployment";

  private final @Nullable List<Cluster> clusters;
  private final BiFunction<ApplicationRevision, String, PlacementDecision> renderOn;

  /**
   * @param clusters the known clusters, or {@code null}
   * @param renderOn renders every component of a revision for one cluster
   */
  public AppDeploymentRender(
      @Nullable List<Cluster> clusters,
      BiFunction<ApplicationRevision, String, PlacementDecision> renderOn) {
    this.clusters = clusters;
    this.renderOn = renderOn;
  }

  public RenderResult render(AppDeployment ad, Collection<ApplicationRevision> revisions) {
    String name = ad.getMetadata() == null ? null : ad.getMetadata().getName();
    if (name == null || ad.getSpec() == null) {
      throw new RenderException(
          Diagnostic.error(
              RenderException.INVALID_OBJECT,
              "an AppDeployment needs metadata.name and spec",
              "spec"));
    }
    String ns =
        ad.getMetadata().getNamespace() == null || ad.getMetadata().getNamespace().isEmpty()
            ? "default"
            : ad.getMetadata().getNamespace();
    var problems = new ArrayList<Diagnostic>();
    var warnings = new ArrayList<Diagnostic>();
    var steps = new ArrayList<RenderResult.Step>();
    List<AppDeploymentSpec.AppRevision> entries = ad.getSpec().appRevisions();
    for (int i = 0; i < entries.size(); i++) {
      AppDeploymentSpec.AppRevision entry = entries.get(i);
      String path = "spec.appRevisions[" + i + "]";
      ApplicationRevision rev =
          revisions.stream()
              .filter(
                  r ->
                      r.getMetadata() != null
                          && entry.revisionName().equals(r.getMetadata().getName()))
              .findFirst()
              .orElse(null);
      if (rev == null) {
        problems.add(
            Diagnostic.error(
                    RenderException.UNKNOWN_REVISION,
                    "revision " + entry.revisionName() + " is not among the supplied revisions",
                    path + ".revisionName")
                .withFacts(
                    "one of "
                        + String.join(
                            ", ",
                            revisions.stream()
                                .map(r -> r.getMetadata().getName())
                                .sorted()
                                .toList()),
                    entry.revisionName()));
        continue;
      }
      var placements = new ArrayList<PlacementDecision>();
      if (entry.placement().isEmpty()) {
        warnings.add(
            Diagnostic.warning(
                "NO_PLACEMENT",
                "revision " + entry.revisionName() + " has no placement: it goes nowhere",
                path + ".placement"));
      }
      for (int j = 0; j < entry.placement().size(); j++) {
        AppDeploymentSpec.ClusterPlacement p = entry.placement().get(j);
        String pp = path + ".placement[" + j + "]";
        List<String> targets;
        try {
          targets = clusters(p.clusterSelector(), pp + ".clusterSelector", warnings);
        } catch (RenderException e) {
          problems.addAll(e.diagnostics());
          continue;
        }
        Integer replicas = p.distribution() == null ? null : p.distribution().replicas();
        for (String cluster : targets) {
          try {
            PlacementDecision d = renderOn.apply(rev, cluster);
            placements.add(overlay(d, name, entry.revisionName(), replicas));
          } catch (RenderException e) {
            problems.addAll(e.diagnostics());
          }
        }
      }
      steps.add(new RenderResult.Step(entry.revisionName(), "appdeployment", placements));
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return new RenderResult(name, ns, "", false, steps, List.of(), warnings);
  }

  private List<String> clusters(
      AppDeploymentSpec.@Nullable ClusterSelector selector,
      String path,
      List<Diagnostic> warnings) {
    String name = selector == null || selector.name() == null ? "" : selector.name();
    Map<String, String> labels = selector == null ? Map.of() : selector.labels();
    if (!name.isEmpty()) {
      if (clusters == null) {
        if (!labels.isEmpty()) {
          warnings.add(
              Diagnostic.warning(
                  RenderException.PLACEMENT_MISMATCH,
                  "cluster "
                      + name
                      + " was not checked against the labels "
                      + labels
                      + ": no clusters are known",
                  path + ".labels"));
        }
        return List.of(name);
      }
      Cluster c =
          clusters.stream().filter(k -> name.equals(Topology.name(k))).findFirst().orElse(null);
      if (c == null) {
        throw new RenderException(
            Diagnostic.error(
                    RenderException.UNKNOWN_CLUSTER,
                    "cluster " + name + " is not a known cluster",
                    path + ".name")
                .withFacts(
                    "one of "
                        + String.join(
                            ", ", clusters.stream().map(Topology::name).sorted().toList()),
                    name));
      }
      if (!matches(c, labels)) {
        throw new RenderException(
            Diagnostic.error(
                    RenderException.PLACEMENT_MISMATCH,
                    "cluster " + name + " does not carry the selector's labels",
                    path + ".labels")
                .withFacts(labels.toString(), String.valueOf(labelsOf(c))));
      }
      return List.of(name);
    }
    if (!labels.isEmpty()) {
      if (clusters == null) {
        throw new RenderException(
            Diagnostic.error(
                    RenderException.UNKNOWN_CLUSTER,
                    "the placement selects clusters by label, but no clusters are known (give the Cluster objects)",
                    path + ".labels")
                .withFacts("a list of Cluster objects", "none"));
      }
      List<String> out =
          clusters.stream()
              .filter(c -> matches(c, labels))
              .map(Topology::name)
              .sorted(Comparator.naturalOrder())
              .toList();
      if (out.isEmpty()) {
        throw new RenderException(
            Diagnostic.error(
                    RenderException.PLACEMENT_MISMATCH,
                    "no cluster carries the labels " + labels,
                    path + ".labels")
                .withFacts("at least one matching cluster", "none"));
      }
      return out;
    }
    return List.of("local");
  }

  private static boolean matches(Cluster c, Map<String, String> labels) {
    Map<String, String> have = labelsOf(c);
    return labels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  private static Map<String, String> labelsOf(Cluster c) {
    return c.getMetadata() == null || c.getMetadata().getLabels() == null
        ? Map.of()
        : c.getMetadata().getLabels();
  }

  private static PlacementDecision overlay(
      PlacementDecision d, String deployment, String revision, @Nullable Integer replicas) {
    var comps = new ArrayList<RenderedComponent>();
    for (RenderedComponent c : d.components()) {
      var objects = new ArrayList<RenderedObject>();
      for (RenderedObject o : c.objects()) {
        ObjectNode obj = o.object();
        if (replicas != null && o.role() == Role.WORKLOAD) {
          ObjectNode spec = obj.get("spec") instanceof ObjectNode s ? s : obj.putObject("spec");
          spec.put("replicas", replicas.intValue());
        }
        OamContract.addLabels(
            obj, Map.of(APP_DEPLOYMENT_LABEL, deployment, OamContract.APP_REVISION, revision));
        objects.add(new RenderedObject(o.role(), o.component(), o.trait(), o.output(), obj));
      }
      comps.add(new RenderedComponent(c.spec(), c.replicaKey(), c.context(), objects, c.trace()));
    }
    return new PlacementDecision(d.cluster(), d.namespace(), comps);
  }
}
