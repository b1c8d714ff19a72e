package io.vela4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.model.oam.ApplicationRevisionSpec;
import io.vela4j.model.oam.ApplicationSpec;
import io.vela4j.model.oam.ApplicationTrait;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.PolicyDefinition;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.WorkflowStep;
import io.vela4j.model.oam.WorkflowStepDefinition;
import io.vela4j.model.oam.WorkloadDefinition;
import io.vela4j.render.internal.ComponentRender;
import io.vela4j.render.internal.ContextData;
import io.vela4j.render.internal.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Application revisions as KubeVela stores them: the application's spec plus every definition it
 * uses, so that a revision renders without the registry.
 *
 * <ul>
 *   <li>Name {@code <app>-v<N>}; N only grows.
 *   <li>Hash: SHA-256 of the canonical JSON (sorted keys, numbers normalised as Go's JSON
 *       round-trip does) of the application's spec, its {@code app.oam.dev/publishVersion} and the
 *       specs of the definitions it uses, in the label {@value #HASH_LABEL}. KubeVela's own hash
 *       (hashstructure over Go types) cannot be reproduced outside Go; this one is portable.
 *   <li>{@link #next}: an application whose spec and publish version equal those of the latest
 *       revision reuses it (definition changes alone make no new revision, unless the application
 *       has {@code app.oam.dev/autoUpdate}); else an earlier revision with the same hash is reused;
 *       else a new revision {@code <app>-v<latest+1>} is made.
 * </ul>
 */
public final class Revisions {
  /** The label holding a revision's content hash. */
  public static final String HASH_LABEL = "app.oam.dev/app-revision-hash";

  /** The annotation that makes definition changes alone create a new revision. */
  public static final String AUTO_UPDATE_ANNOTATION = "app.oam.dev/autoUpdate";

  private Revisions() {}

  /**
   * The revision an application gets.
   *
   * @param revision the revision (an existing one when reused)
   * @param reused whether it is one of the existing revisions
   */
  public record Decision(ApplicationRevision revision, boolean reused) {
    /** The revision's name. */
    public String name() {
      return revision.getMetadata().getName();
    }
  }

  /**
   * One difference between two revisions.
   *
   * @param subject what changed: {@code component}, {@code trait}, {@code policy}, {@code
   *     workflow}, {@code metadata} or a definition kind ({@code ComponentDefinition}, ...)
   * @param name the component, trait ({@code component/type}), policy or definition name
   * @param operation {@code added}, {@code removed} or {@code changed}
   * @param paths for {@code changed}: the JSON Pointers of the fields that changed
   */
  public record Change(String subject, String name, String operation, List<String> paths) {
    /** Copies the list. */
    public Change {
      paths = List.copyOf(paths);
    }
  }

  /**
   * Computes the revision of an application against existing ones.
   *
   * @param app the application
   * @param registry the definitions it uses
   * @param existing earlier revisions (of any application; others are ignored)
   * @return the revision to use
   * @throws RenderException when a component or trait type is unknown
   */
  public static Decision next(
      Application app, DefinitionRegistry registry, Collection<ApplicationRevision> existing) {
    String appName = app.getMetadata().getName();
    List<ApplicationRevision> mine =
        existing.stream()
            .filter(r -> appName.equals(appOf(r)))
            .sorted(Comparator.comparingInt(Revisions::number))
            .toList();
    ApplicationRevision candidate = create(app, registry, appName + "-v1");
    if (mine.isEmpty()) {
      return new Decision(candidate, false);
    }
    ApplicationRevision latest = mine.get(mine.size() - 1);
    String hash = hashOf(candidate);
    boolean autoUpdate = annotations(app).containsKey(AUTO_UPDATE_ANNOTATION);
    if (sameApplication(latest, app) && (!autoUpdate || hash.equals(hashOf(latest)))) {
      return new Decision(latest, true);
    }
    for (ApplicationRevision r : mine) {
      if (hash.equals(hashOf(r)) && sameApplication(r, app)) {
        return new Decision(r, true);
      }
    }
    String name = appName + "-v" + (number(latest) + 1);
    return new Decision(create(app, registry, name), false);
  }

  /**
   * A revision of an application with the given name.
   *
   * @param app the application
   * @param registry the definitions it uses
   * @param name the revision's name
   * @return the revision
   * @throws RenderException when a component or trait type is unknown
   */
  public static ApplicationRevision create(
      Application app, DefinitionRegistry registry, String name) {
    ApplicationSpec spec = app.getSpec();
    var comps = new TreeMap<String, ComponentDefinition>();
    var traits = new TreeMap<String, TraitDefinition>();
    var policies = new TreeMap<String, PolicyDefinition>();
    var steps = new TreeMap<String, WorkflowStepDefinition>();
    var workloads = new TreeMap<String, WorkloadDefinition>();
    var problems = new ArrayList<Diagnostic>();
    for (int i = 0; i < spec.components().size(); i++) {
      ApplicationComponent c = spec.components().get(i);
      String path = "spec.components[" + i + "]";
      var def = ComponentRender.componentDefinition(registry, c.type());
      if (def.isPresent() && def.get().object() instanceof WorkloadDefinition w) {
        workloads.put(DefinitionRegistry.typeLabel(c.type()), w);
      } else {
        find(registry, Definition.Kind.COMPONENT, c.type(), path + ".type", problems)
            .ifPresent(
                d -> comps.put(DefinitionRegistry.typeLabel(c.type()), (ComponentDefinition) d));
      }
      for (int t = 0; t < c.traits().size(); t++) {
        ApplicationTrait tr = c.traits().get(t);
        find(registry, Definition.Kind.TRAIT, tr.type(), path + ".traits[" + t + "].type", problems)
            .ifPresent(
                d -> traits.put(DefinitionRegistry.typeLabel(tr.type()), (TraitDefinition) d));
      }
    }
    for (AppPolicy p : spec.policies()) {
      registry
          .find(Definition.Kind.POLICY, p.type())
          .ifPresent(
              d ->
                  policies.put(
                      DefinitionRegistry.typeLabel(p.type()), (PolicyDefinition) d.object()));
    }
    if (spec.workflow() != null) {
      collectSteps(registry, spec.workflow().steps(), steps);
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    Application stored =
        new Application(
            new ObjectMetaBuilder()
                .withName(app.getMetadata().getName())
                .withNamespace(app.getMetadata().getNamespace())
                .withLabels(app.getMetadata().getLabels())
                .withAnnotations(annotations(app))
                .build(),
            spec);
    var revSpec =
        new ApplicationRevisionSpec(
            stored,
            strip(comps),
            strip(traits),
            strip(policies),
            strip(steps),
            strip(workloads),
            Map.of(),
            Map.of(),
            null,
            List.of(),
            null);
    var labels = new TreeMap<String, String>();
    if (app.getMetadata().getLabels() != null) {
      labels.putAll(app.getMetadata().getLabels());
    }
    labels.put("app.oam.dev/name", app.getMetadata().getName());
    var rev = new ApplicationRevision(new ObjectMeta(), revSpec);
    labels.put(HASH_LABEL, hashOf(rev));
    rev.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(app.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations(app))
            .build());
    return rev;
  }

  private static void collectSteps(
      DefinitionRegistry registry,
      List<WorkflowStep> steps,
      Map<String, WorkflowStepDefinition> out) {
    for (WorkflowStep s : steps) {
      registry
          .find(Definition.Kind.WORKFLOW_STEP, s.type())
          .ifPresent(
              d ->
                  out.put(
                      DefinitionRegistry.typeLabel(s.type()), (WorkflowStepDefinition) d.object()));
      collectSteps(registry, s.subSteps(), out);
    }
  }

  private static Optional<HasMetadata> find(
      DefinitionRegistry registry,
      Definition.Kind kind,
      String type,
      String path,
      List<Diagnostic> problems) {
    var d = registry.find(kind, type);
    if (d.isEmpty()) {
      problems.add(
          Diagnostic.error(
                  RenderException.UNKNOWN_DEFINITION,
                  "no " + kind.objectKind() + " named '" + type + "'",
                  path)
              .withFacts("a type the registry defines", type));
      return Optional.empty();
    }
    return Optional.of(d.get().object());
  }

  /** Copies of the definitions without status (as KubeVela stores them). */
  private static <T extends HasMetadata> Map<String, T> strip(Map<String, T> defs) {
    var out = new TreeMap<String, T>();
    defs.forEach((k, v) -> out.put(k, withoutStatus(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> T withoutStatus(T def) {
    ObjectMeta meta =
        def.getMetadata() == null
            ? new ObjectMeta()
            : new ObjectMetaBuilder(def.getMetadata()).build();
    HasMetadata copy;
    if (def instanceof ComponentDefinition d) {
      copy = new ComponentDefinition(meta, d.getSpec());
    } else if (def instanceof TraitDefinition d) {
      copy = new TraitDefinition(meta, d.getSpec());
    } else if (def instanceof PolicyDefinition d) {
      copy = new PolicyDefinition(meta, d.getSpec());
    } else if (def instanceof WorkflowStepDefinition d) {
      copy = new WorkflowStepDefinition(meta, d.getSpec());
    } else if (def instanceof WorkloadDefinition d) {
      copy = new WorkloadDefinition(meta, d.getSpec());
    } else {
      throw new IllegalArgumentException("not a definition: " + def.getKind());
    }
    return (T) copy;
  }

  private static Map<String, String> annotations(Application app) {
    var a = new TreeMap<String, String>();
    if (app.getMetadata().getAnnotations() != null) {
      a.putAll(app.getMetadata().getAnnotations());
    }
    a.remove("kubectl.kubernetes.io/last-applied-configuration");
    return a;
  }

  /**
   * The content hash of a revision, computed from its content (not read from its label).
   *
   * @param revision the revision
   * @return lower-case hex SHA-256
   */
  public static String hashOf(ApplicationRevision revision) {
    ApplicationRevisionSpec s = revision.getSpec();
    ObjectNode in = Json.object();
    in.set("application", normalized(Json.tree(s.application().getSpec())));
    in.put("publishVersion", publishVersion(s.application()));
    ObjectNode defs = in.putObject("definitions");
    defs.set("component", specs(s.componentDefinitions()));
    defs.set("trait", specs(s.traitDefinitions()));
    defs.set("policy", specs(s.policyDefinitions()));
    defs.set("workflowStep", specs(s.workflowStepDefinitions()));
    if (!s.workloadDefinitions().isEmpty()) {
      defs.set("workload", specs(s.workloadDefinitions()));
    }
    return Json.sha256(Json.canonical(in));
  }

  private static ObjectNode specs(Map<String, ? extends HasMetadata> defs) {
    ObjectNode o = Json.object();
    new TreeMap<>(defs).forEach((k, v) -> o.set(k, normalized(Json.tree(v).path("spec"))));
    return o;
  }

  private static String publishVersion(Application app) {
    var a = app.getMetadata() == null ? null : app.getMetadata().getAnnotations();
    return a == null ? "" : a.getOrDefault(ContextData.PUBLISH_VERSION, "");
  }

  static JsonNode normalized(JsonNode n) {
    return Json.goNumbers(n);
  }

  private static boolean sameApplication(ApplicationRevision r, Application app) {
    Application stored = r.getSpec() == null ? null : r.getSpec().application();
    if (stored == null || stored.getSpec() == null) {
      return false;
    }
    return Json.canonical(normalized(Json.tree(stored.getSpec())))
            .equals(Json.canonical(normalized(Json.tree(app.getSpec()))))
        && publishVersion(stored).equals(publishVersion(app));
  }

  private static @Nullable String appOf(ApplicationRevision r) {
    if (r.getSpec() != null
        && r.getSpec().application() != null
        && r.getSpec().application().getMetadata() != null) {
      return r.getSpec().application().getMetadata().getName();
    }
    var l = r.getMetadata() == null ? null : r.getMetadata().getLabels();
    return l == null ? null : l.get("app.oam.dev/name");
  }

  /**
   * The number of a revision named {@code <app>-v<N>}.
   *
   * @param revision the revision
   * @return N, or 0 when the name has no number
   */
  public static int number(ApplicationRevision revision) {
    String n = revision.getMetadata() == null ? null : revision.getMetadata().getName();
    return n == null ? 0 : ContextData.revisionNumber(n);
  }

  /**
   * The differences from one revision to another: components, traits, policies and workflow steps,
   * and definitions, each added, removed or changed (with the changed fields).
   *
   * @param from the earlier revision
   * @param to the later revision
   * @return the changes, components first, in a stable order
   */
  public static List<Change> diff(ApplicationRevision from, ApplicationRevision to) {
    var out = new ArrayList<Change>();
    ApplicationSpec a = from.getSpec().application().getSpec();
    ApplicationSpec b = to.getSpec().application().getSpec();
    compare(
        "component",
        byName(a.components(), ApplicationComponent::name, Revisions::withoutTraits),
        byName(b.components(), ApplicationComponent::name, Revisions::withoutTraits),
        out);
    compare("trait", traits(a), traits(b), out);
    compare("policy", policies(a), policies(b), out);
    compare(
        "workflow",
        a.workflow() == null ? Map.of() : Map.of("workflow", Json.tree(a.workflow())),
        b.workflow() == null ? Map.of() : Map.of("workflow", Json.tree(b.workflow())),
        out);
    compare(
        "ComponentDefinition",
        defs(from.getSpec().componentDefinitions()),
        defs(to.getSpec().componentDefinitions()),
        out);
    compare(
        "TraitDefinition",
        defs(from.getSpec().traitDefinitions()),
        defs(to.getSpec().traitDefinitions()),
        out);
    compare(
        "PolicyDefinition",
        defs(from.getSpec().policyDefinitions()),
        defs(to.getSpec().policyDefinitions()),
        out);
    compare(
        "WorkloadDefinition",
        defs(from.getSpec().workloadDefinitions()),
        defs(to.getSpec().workloadDefinitions()),
        out);
    compare(
        "WorkflowStepDefinition",
        defs(from.getSpec().workflowStepDefinitions()),
        defs(to.getSpec().workflowStepDefinitions()),
        out);
    if (!publishVersion(from.getSpec().application())
        .equals(publishVersion(to.getSpec().application()))) {
      out.add(
          new Change(
              "metadata",
              "publishVersion",
              "changed",
              List.of("/metadata/annotations/" + Json.segment(ContextData.PUBLISH_VERSION))));
    }
    return out;
  }

  private static JsonNode withoutTraits(ApplicationComponent c) {
    ObjectNode o = (ObjectNode) Json.tree(c);
    o.remove("traits");
    return o;
  }

  private static <T> Map<String, JsonNode> byName(
      List<T> items,
      java.util.function.Function<T, String> name,
      java.util.function.Function<T, JsonNode> tree) {
    var m = new LinkedHashMap<String, JsonNode>();
    items.forEach(i -> m.put(name.apply(i), normalized(tree.apply(i))));
    return m;
  }

  private static Map<String, JsonNode> traits(ApplicationSpec s) {
    var m = new LinkedHashMap<String, JsonNode>();
    for (ApplicationComponent c : s.components()) {
      for (ApplicationTrait t : c.traits()) {
        m.put(c.name() + "/" + t.type(), normalized(Json.tree(t)));
      }
    }
    return m;
  }

  private static Map<String, JsonNode> policies(ApplicationSpec s) {
    var m = new LinkedHashMap<String, JsonNode>();
    for (int i = 0; i < s.policies().size(); i++) {
      AppPolicy p = s.policies().get(i);
      String name = p.name() == null || p.name().isEmpty() ? p.type() + "-auto-gen-" + i : p.name();
      m.put(name, normalized(Json.tree(p)));
    }
    return m;
  }

  private static Map<String, JsonNode> defs(Map<String, ? extends HasMetadata> defs) {
    var m = new TreeMap<String, JsonNode>();
    defs.forEach((k, v) -> m.put(k, normalized(Json.tree(v).path("spec"))));
    return m;
  }

  private static void compare(
      String subject, Map<String, JsonNode> a, Map<String, JsonNode> b, List<Change> out) {
    var order = new ArrayList<String>(a.keySet());
    b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(order::add);
    for (String n : order) {
      JsonNode x = a.get(n);
      JsonNode y = b.get(n);
      if (x == null) {
        out.add(new Change(subject, n, "added", List.of()));
      } else if (y == null) {
        out.add(new Change(subject, n, "removed", List.of()));
      } else if (!Json.same(x, y)) {
        var paths = new ArrayList<String>();
        diffPaths(x, y, "", paths);
        out.add(new Change(subject, n, "changed", paths));
      }
    }
  }

  private static void diffPaths(JsonNode x, JsonNode y, String pointer, List<String> out) {
    if (x.isObject() && y.isObject()) {
      var keys = new TreeSet<String>();
      x.fieldNames().forEachRemaining(keys::add);
      y.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode a = x.get(k);
        JsonNode b = y.get(k);
        String p = Json.child(pointer, k);
        if (a == null || b == null) {
          out.add(p);
        } else {
          diffPaths(a, b, p, out);
        }
      }
    } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
      for (int i = 0; i < x.size(); i++) {
        diffPaths(x.get(i), y.get(i), pointer + "/" + i, out);
      }
    } else if (!Json.same(x, y)) {
      out.add(pointer.isEmpty() ? "/" : pointer);
    }
  }
}
