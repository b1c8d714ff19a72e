package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Renders one application: its deploy steps ({@link DeployPlan}), for each the placements of its
 * topology policies ({@link Topology}), the components after its override ({@link Overrides}) and
 * replication ({@link Replication}) policies, each rendered by {@link ComponentRender} with the
 * placement's cluster, namespace and replication key in {@code context}. Problems of every step,
 * placement and component are collected and reported together.
 */
public final class ApplicationRender {
  /** The policy types KubeVela applies itself instead of rendering them. */
  public static final Set<String> BUILT_IN_POLICIES =
      Set.of(
          "garbage-collect",
          "apply-once",
          "shared-resource",
          "take-over",
          "read-only",
          "resource-update",
          "env-binding",
          "topology",
          "replication",
          "override",
          "debug");

  /** What every component of one application shares: its identity and its label contract. */
  private record App(
      Application app,
      String name,
      String namespace,
      String revision,
      Map<String, String> labels,
      Map<String, String> annotations,
      OamContract contract) {}

  private final DefinitionRegistry registry;
  private final @Nullable List<Cluster> clusters;
  private final BiPredicate<String, String> clusterScoped;
  private final RenderOptions options;

  public ApplicationRender(
      DefinitionRegistry registry,
      @Nullable List<Cluster> clusters,
      BiPredicate<String, String> clusterScoped,
      RenderOptions options) {
    this.registry = registry;
    this.clusters = clusters;
    this.clusterScoped = clusterScoped;
    this.options = options;
  }

  /**
   * Renders an application.
   *
   * @param app the application (not modified)
   * @param revision the revision name the objects carry
   * @return the result
   * @throws RenderException with every problem found
   */
  public RenderResult render(Application app, String revision) {
    var problems = new ArrayList<Diagnostic>();
    var warnings = new ArrayList<Diagnostic>();
    String name = app.getMetadata() == null ? null : app.getMetadata().getName();
    if (name == null || name.isEmpty() || app.getSpec() == null) {
      throw located(
          List.of(
              Diagnostic.error(
                      RenderException.INVALID_OBJECT,
                      "an application needs metadata.name and spec.components",
                      name == null || name.isEmpty() ? "metadata.name" : "spec")
                  .withFacts("a name and a spec", "none")));
    }
    App a = app(app, revision);
    checkPolicies(app, problems);
    List<DeployPlan.Step> steps = DeployPlan.of(app, warnings, problems);
    var outSteps = new ArrayList<RenderResult.Step>();
    for (DeployPlan.Step step : steps) {
      try {
        outSteps.add(step(a, step, warnings));
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
      }
    }
    var policyObjects = new ArrayList<RenderedObject>();
    try {
      policyObjects.addAll(customPolicies(a));
    } catch (RenderException e) {
      problems.addAll(e.diagnostics());
    }
    if (!problems.isEmpty()) {
      throw located(problems);
    }
    boolean revisionOnly =
        "true".equals(a.annotations().get(RenderResult.REVISION_ONLY_ANNOTATION));
    return new RenderResult(
        name, a.namespace(), revision, revisionOnly, outSteps, policyObjects, dedupe(warnings));
  }

  private App app(Application app, String revision) {
    String name = app.getMetadata().getName();
    String ns = app.getMetadata().getNamespace();
    String namespace = ns == null || ns.isEmpty() ? "default" : ns;
    Map<String, String> labels = copy(app.getMetadata().getLabels());
    Map<String, String> annotations = copy(app.getMetadata().getAnnotations());
    return new App(
        app,
        name,
        namespace,
        revision,
        labels,
        annotations,
        new OamContract(name, namespace, revision, labels, annotations, clusterScoped));
  }

  /** The context data of one placement of the application. */
  private ContextData context(
      App a, ArrayNode components, String cluster, String namespace, String replicaKey) {
    return new ContextData(
        a.name(),
        namespace,
        a.revision(),
        a.labels(),
        a.annotations(),
        components,
        cluster,
        ContextData.clusterVersion(options.clusterVersionOf(cluster)),
        replicaKey);
  }

  /**
   * Every component of an application rendered for one cluster, without policies or workflow (as
   * KubeVela's {@code GenerateComponentManifests} renders a revision for an AppDeployment).
   *
   * @param app the application
   * @param revision the revision name
   * @param cluster the cluster
   * @return the placement
   */
  public PlacementDecision components(Application app, String revision, String cluster) {
    App a = app(app, revision);
    List<ApplicationComponent> comps = app.getSpec().components();
    ContextData ctx = context(a, ContextData.components(comps), cluster, a.namespace(), "");
    var problems = new ArrayList<Diagnostic>();
    var rendered = new ArrayList<RenderedComponent>();
    for (ApplicationComponent c : comps) {
      try {
        rendered.add(new ComponentRender(registry, ctx, a.contract()).render(c, pathOf(app, c)));
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw located(problems);
    }
    return new PlacementDecision(cluster, a.namespace(), rendered);
  }

  private RenderResult.Step step(App a, DeployPlan.Step step, List<Diagnostic> warnings) {
    Application app = a.app();
    List<ApplicationComponent> components = app.getSpec().components();
    List<Topology.Decision> placements;
    List<Replication.Replica> replicas;
    if (step.type().equals("apply-component")) {
      ApplicationComponent c =
          components.stream()
              .filter(x -> x.name().equals(step.component()))
              .findFirst()
              .orElseThrow();
      placements =
          List.of(
              new Topology.Decision(
                  step.cluster().isEmpty() ? "local" : step.cluster(), step.namespace()));
      replicas = List.of(new Replication.Replica(c, ""));
    } else {
      var topologies = new LinkedHashMap<String, AppPolicy>();
      var replications = new LinkedHashMap<String, AppPolicy>();
      var problems = new ArrayList<Diagnostic>();
      List<ApplicationComponent> comps = components;
      for (DeployPlan.NamedPolicy p : step.policies()) {
        switch (p.policy().type()) {
          case "topology" -> topologies.put(p.path(), p.policy());
          case "replication" -> replications.put(p.path(), p.policy());
          case "override" -> {
            try {
              comps = Overrides.apply(comps, p.policy(), p.path());
            } catch (RenderException e) {
              problems.addAll(e.diagnostics());
            }
          }
          default -> {
            // other policies do not change what a step renders
          }
        }
      }
      placements = List.of();
      replicas = List.of();
      try {
        placements = Topology.place(topologies, clusters);
        replicas = Replication.apply(comps, replications);
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
      }
      if (!problems.isEmpty()) {
        throw new RenderException(problems);
      }
    }
    var problems = new ArrayList<Diagnostic>();
    var out = new ArrayList<PlacementDecision>();
    ArrayNode componentsJson =
        ContextData.components(
            replicas.stream().map(Replication.Replica::component).distinct().toList());
    for (Topology.Decision d : placements) {
      String effectiveNs = d.namespace().isEmpty() ? a.namespace() : d.namespace();
      var rendered = new ArrayList<RenderedComponent>();
      for (Replication.Replica r : replicas) {
        ContextData ctx = context(a, componentsJson, d.cluster(), effectiveNs, r.key());
        try {
          RenderedComponent rc =
              new ComponentRender(registry, ctx, a.contract())
                  .render(r.component(), pathOf(app, r.component()));
          if (!d.namespace().isEmpty()) {
            rc = placed(rc, d.namespace(), a.contract());
          }
          rendered.add(rc);
        } catch (RenderException e) {
          problems.addAll(e.diagnostics());
        }
      }
      duplicates(step.name(), d, rendered, warnings);
      out.add(new PlacementDecision(d.cluster(), effectiveNs, rendered));
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return new RenderResult.Step(step.name(), step.type(), out);
  }

  private static RenderedComponent placed(
      RenderedComponent rc, String namespace, OamContract contract) {
    var objects = new ArrayList<RenderedObject>();
    for (RenderedObject o : rc.objects()) {
      ObjectNode obj = o.object();
      contract.placeIn(obj, namespace);
      objects.add(new RenderedObject(o.role(), o.component(), o.trait(), o.output(), obj));
    }
    return new RenderedComponent(rc.spec(), rc.replicaKey(), rc.context(), objects, rc.trace());
  }

  private static void duplicates(
      String step,
      Topology.Decision d,
      List<RenderedComponent> rendered,
      List<Diagnostic> warnings) {
    var seen = new HashSet<String>();
    for (RenderedComponent c : rendered) {
      for (RenderedObject o : c.objects()) {
        String group =
            o.apiVersion().contains("/")
                ? o.apiVersion().substring(0, o.apiVersion().indexOf('/'))
                : "";
        String key = group + "/" + o.kind() + "/" + o.namespace() + "/" + o.name();
        if (!seen.add(key)) {
          warnings.add(
              Diagnostic.warning(
                      RenderException.DUPLICATE_OBJECT,
                      "step "
                          + step
                          + ", cluster "
                          + d.cluster()
                          + ": "
                          + o.kind()
                          + " "
                          + o.name()
                          + " is rendered twice (component "
                          + c.name()
                          + "); the later one wins when applied",
                      null)
                  .withFacts("one object per kind, namespace and name", key));
        }
      }
    }
  }

  private static String pathOf(Application app, ApplicationComponent c) {
    List<ApplicationComponent> all = app.getSpec().components();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(c.name())) {
        return "spec.components[" + i + "]";
      }
    }
    return "spec.policies"; // a component added by an override policy
  }

  /** Built-in policies' properties against their definitions' parameter schemas. */
  private void checkPolicies(Application app, List<Diagnostic> problems) {
    List<AppPolicy> policies = app.getSpec().policies();
    for (int i = 0; i < policies.size(); i++) {
      AppPolicy p = policies.get(i);
      if (!BUILT_IN_POLICIES.contains(p.type())) {
        continue;
      }
      var def = registry.find(Definition.Kind.POLICY, p.type());
      if (def.isEmpty()) {
        continue;
      }
      var template = registry.template(def.get());
      if (template.isEmpty()) {
        continue;
      }
      String path = "spec.policies[" + i + "]";
      try {
        template
            .get()
            .evaluate(p.properties() == null ? Json.object() : p.properties(), Json.object());
      } catch (RenderException e) {
        for (Diagnostic d : e.diagnostics()) {
          Diagnostic at =
              ComponentRender.at(d, path, "policy " + (p.name() == null ? p.type() : p.name()));
          problems.add(
              new Diagnostic(
                  at.severity(),
                  RenderException.INVALID_POLICY,
                  at.message(),
                  at.source(),
                  at.line(),
                  at.column(),
                  at.path(),
                  at.expected(),
                  at.actual()));
        }
      }
    }
  }

  /** Custom policy types render like trait-less components (KubeVela's GeneratePolicyManifests). */
  private List<RenderedObject> customPolicies(App a) {
    Application app = a.app();
    var out = new ArrayList<RenderedObject>();
    var problems = new ArrayList<Diagnostic>();
    Map<String, DeployPlan.NamedPolicy> policies = DeployPlan.policies(app.getSpec());
    ContextData ctx =
        context(a, ContextData.components(app.getSpec().components()), "local", a.namespace(), "");
    for (DeployPlan.NamedPolicy p : policies.values()) {
      if (BUILT_IN_POLICIES.contains(p.policy().type())) {
        continue;
      }
      String path = p.path();
      var def = registry.find(Definition.Kind.POLICY, p.policy().type());
      if (def.isEmpty()) {
        problems.add(
            Diagnostic.error(
                    RenderException.UNKNOWN_DEFINITION,
                    "no PolicyDefinition named '" + p.policy().type() + "'",
                    path + ".type")
                .withFacts("a policy type the registry defines", p.policy().type()));
        continue;
      }
      Template t = registry.template(def.get()).orElse(null);
      if (t == null) {
        continue;
      }
      try {
        ObjectNode c = ctx.forComponent(p.name(), p.policy().properties());
        c.put("policyName", p.name());
        TemplateResult r =
            ComponentRender.evaluate(t, p.policy().properties(), c, path, "policy " + p.name());
        var objs = new ArrayList<ObjectNode>();
        if (r.output() != null) {
          objs.add(r.output().deepCopy());
        }
        r.outputs().values().forEach(o -> objs.add(o.deepCopy()));
        for (ObjectNode o : objs) {
          OamContract.addLabels(
              o, Map.of(OamContract.APP_NAME, a.name(), "app.oam.dev/policy", p.name()));
          if (o.path("metadata").path("namespace").asText("").isEmpty()
              && !clusterScoped.test(o.path("apiVersion").asText(""), o.path("kind").asText(""))) {
            OamContract.metadata(o).put("namespace", a.namespace());
          }
          out.add(new RenderedObject(RenderResult.Role.POLICY, p.name(), null, null, o));
        }
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return out;
  }

  private RenderException located(List<Diagnostic> problems) {
    var out = new ArrayList<Diagnostic>();
    for (Diagnostic d : dedupe(problems)) {
      out.add(locate(d));
    }
    return new RenderException(out);
  }

  private Diagnostic locate(Diagnostic d) {
    var map = options.sourceMap();
    if (map == null || d.source() != null || d.path() == null) {
      return d;
    }
    return map.locate(d);
  }

  private List<Diagnostic> dedupe(List<Diagnostic> ds) {
    var seen = new LinkedHashSet<String>();
    var out = new ArrayList<Diagnostic>();
    for (Diagnostic d : ds) {
      if (seen.add(d.code() + d.format())) {
        out.add(d.severity() == Diagnostic.Severity.WARNING ? locate(d) : d);
      }
    }
    return out;
  }

  private static Map<String, String> copy(@Nullable Map<String, String> m) {
    return m == null ? Map.of() : Map.copyOf(m);
  }
}
