package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationTrait;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult.Change;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.RenderResult.Role;
import io.vela4j.render.spi.Patch;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Renders one component with its traits, in KubeVela's order ({@code GenerateComponentManifest}):
 *
 * <ol>
 *   <li>The component's template runs with {@code parameter} (its properties) and {@code context};
 *       a non-empty {@code errs} or a CUE error fails it; {@code output} is required and becomes
 *       the workload; {@code outputs} become auxiliaries in field order.
 *   <li>Each trait, in spec order, runs with its own properties as {@code parameter} and a context
 *       that adds {@code output} (the workload as patched so far), {@code outputs} (every auxiliary
 *       so far, by name) and {@code componentType}: its {@code outputs} are appended, then its
 *       {@code patch} is applied to the workload, then each {@code patchOutputs.<name>} to every
 *       auxiliary of that name.
 *   <li>Labels, names, namespaces and annotations are set by {@link OamContract}; a trait whose
 *       definition has {@code workloadRefPath} gets the workload's reference there.
 * </ol>
 */
public final class ComponentRender {
  private final DefinitionRegistry registry;
  private final ContextData context;
  private final OamContract contract;

  public ComponentRender(DefinitionRegistry registry, ContextData context, OamContract contract) {
    this.registry = registry;
    this.context = context;
    this.contract = contract;
  }

  private record Aux(String name, String traitType, @Nullable String trait, ObjectNode object) {}

  /**
   * Renders a component.
   *
   * @param comp the component (after policies)
   * @param path its field path in the application, such as {@code spec.components[2]}
   * @return the rendered component
   * @throws RenderException with every problem, located by field path
   */
  public RenderedComponent render(ApplicationComponent comp, String path) {
    String typeLabel = DefinitionRegistry.typeLabel(comp.type());
    Definition def = componentDefinition(registry, comp.type()).orElse(null);
    if (def == null) {
      def = definition(Definition.Kind.COMPONENT, comp.type(), path + ".type");
    }
    Template template = template(def, path + ".type");
    ObjectNode ctx = context.forComponent(comp.name(), comp.properties());
    TemplateResult r = evaluate(template, comp.properties(), ctx, path, "component " + comp.name());
    ObjectNode workload = r.output();
    if (workload == null) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.MISSING_OUTPUT,
                  def.display() + " produced no output (component " + comp.name() + ")",
                  path + ".type")
              .withFacts("an output: {...} in the template", "none"));
    }
    workload = workload.deepCopy();
    var auxiliaries = new ArrayList<Aux>();
    r.outputs()
        .forEach(
            (name, obj) ->
                auxiliaries.add(
                    new Aux(name, OamContract.AUXILIARY_WORKLOAD, null, obj.deepCopy())));
    var trace = new ArrayList<Change>();
    var problems = new ArrayList<Diagnostic>();
    var traitDefs = new ArrayList<@Nullable Definition>();
    for (int t = 0; t < comp.traits().size(); t++) {
      ApplicationTrait trait = comp.traits().get(t);
      String tp = path + ".traits[" + t + "]";
      String traitLabel = DefinitionRegistry.typeLabel(trait.type());
      try {
        Definition td = definition(Definition.Kind.TRAIT, trait.type(), tp + ".type");
        traitDefs.add(td);
        Template tt = template(td, tp + ".type");
        Map<String, ObjectNode> outputs = new LinkedHashMap<>();
        auxiliaries.forEach(a -> outputs.put(a.name(), a.object()));
        ObjectNode tctx = ContextData.forTrait(ctx, workload, outputs, comp.type());
        TemplateResult tr =
            evaluate(
                tt,
                trait.properties(),
                tctx,
                tp,
                "trait " + trait.type() + " of component " + comp.name());
        for (var e : tr.outputs().entrySet()) {
          auxiliaries.add(new Aux(e.getKey(), traitLabel, trait.type(), e.getValue().deepCopy()));
          trace.add(new Change(trait.type(), t, e.getKey(), "", "add"));
        }
        if (tr.patch() != null) {
          ObjectNode before = workload;
          workload = patch(workload, tr.patch(), tp, trait.type(), "workload");
          final int ti = t;
          Diff.changes(
              before,
              workload,
              "",
              (p, op) -> trace.add(new Change(trait.type(), ti, "workload", p, op)));
        }
        for (var e : tr.patchOutputs().entrySet()) {
          for (int a = 0; a < auxiliaries.size(); a++) {
            Aux aux = auxiliaries.get(a);
            if (aux.name().equals(e.getKey())) {
              ObjectNode patched =
                  patch(aux.object(), e.getValue(), tp, trait.type(), "outputs." + aux.name());
              final int ti = t;
              Diff.changes(
                  aux.object(),
                  patched,
                  "",
                  (p, op) -> trace.add(new Change(trait.type(), ti, aux.name(), p, op)));
              auxiliaries.set(a, new Aux(aux.name(), aux.traitType(), aux.trait(), patched));
            }
          }
        }
      } catch (RenderException e) {
        problems.addAll(e.diagnostics());
        traitDefs.add(null);
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    // labels, names, namespaces
    check(workload, path, "the workload of component " + comp.name());
    contract.renderWorkload(workload, comp.name(), typeLabel);
    for (Aux a : auxiliaries) {
      check(a.object(), path, "output " + a.name() + " of component " + comp.name());
      contract.renderAuxiliary(a.object(), comp.name(), a.traitType(), a.name());
    }
    contract.contractWorkload(workload, comp.name());
    var objects = new ArrayList<RenderedObject>();
    objects.add(new RenderedObject(Role.WORKLOAD, comp.name(), null, null, workload));
    for (Aux a : auxiliaries) {
      contract.contractAuxiliary(a.object(), comp.name());
      if (a.trait() != null) {
        workloadRef(a, workload);
      }
      objects.add(
          new RenderedObject(
              a.trait() == null ? Role.AUXILIARY : Role.TRAIT,
              comp.name(),
              a.trait(),
              a.name(),
              a.object()));
    }
    return new RenderedComponent(comp, context.replicaKey(), ctx, objects, trace);
  }

  /**
   * The definition of a component type: a ComponentDefinition, else (as KubeVela falls back) a
   * WorkloadDefinition of that name.
   */
  public static Optional<Definition> componentDefinition(DefinitionRegistry registry, String type) {
    Optional<Definition> d = registry.find(Definition.Kind.COMPONENT, type);
    return d.isPresent() ? d : registry.find(Definition.Kind.WORKLOAD, type);
  }

  private void workloadRef(Aux aux, ObjectNode workload) {
    // a trait type x-v1 falls back to x when x exists (setWorkloadRefToTrait)
    Optional<Definition> def = registry.find(Definition.Kind.TRAIT, aux.trait());
    if (def.isEmpty()
        || !(def.get().object() instanceof TraitDefinition td)
        || td.getSpec() == null) {
      return;
    }
    String refPath = td.getSpec().workloadRefPath();
    if (refPath == null || refPath.isEmpty()) {
      return;
    }
    ObjectNode ref = Json.object();
    ref.put("apiVersion", workload.path("apiVersion").asText(""));
    ref.put("kind", workload.path("kind").asText(""));
    ref.put("name", workload.path("metadata").path("name").asText(""));
    KubeEngine.FieldPath.set(aux.object(), KubeEngine.FieldPath.parse(refPath), ref);
  }

  private Definition definition(Definition.Kind kind, String type, String path) {
    return registry
        .find(kind, type)
        .orElseThrow(
            () ->
                new RenderException(
                    Diagnostic.error(
                            RenderException.UNKNOWN_DEFINITION,
                            "no " + kind.objectKind() + " named '" + type + "'",
                            path)
                        .withFacts("a type the registry defines" + known(kind), type)));
  }

  private String known(Definition.Kind kind) {
    var names = new java.util.TreeSet<String>();
    registry.definitions().stream().filter(d -> d.kind() == kind).forEach(d -> names.add(d.name()));
    if (names.isEmpty()) {
      return "";
    }
    String all = String.join(", ", names);
    return " (" + (all.length() > 200 ? all.substring(0, 197) + "..." : all) + ")";
  }

  private Template template(Definition def, String path) {
    return registry
        .template(def)
        .orElseThrow(
            () ->
                new RenderException(
                    Diagnostic.error(
                            RenderException.INVALID_DEFINITION,
                            def.display()
                                + " has no template an engine can render (cue, kube, java)",
                            path)
                        .withFacts("schematic.cue or schematic.kube", "none")));
  }

  static TemplateResult evaluate(
      Template template, @Nullable JsonNode parameter, ObjectNode ctx, String path, String what) {
    TemplateResult r;
    try {
      // properties reach templates as KubeVela passes them: through Go's JSON (3.0 is 3)
      r = template.evaluate(parameter == null ? null : Json.goNumbers(parameter), ctx);
    } catch (RenderException e) {
      throw new RenderException(e.diagnostics().stream().map(d -> at(d, path, what)).toList());
    }
    if (!r.errors().isEmpty()) {
      throw new RenderException(
          r.errors().stream()
              .map(
                  m ->
                      Diagnostic.error(RenderException.TEMPLATE_ERROR, what + ": " + m, path)
                          .withFacts("no errs", m))
              .toList());
    }
    return r;
  }

  /** A template's diagnostic placed under the component's or trait's path. */
  static Diagnostic at(Diagnostic d, String path, String what) {
    String p = d.path() == null ? path : path + "." + d.path();
    return new Diagnostic(
        d.severity(),
        d.code(),
        prefix(d.message(), what),
        d.source(),
        d.line(),
        d.column(),
        p,
        d.expected(),
        d.actual());
  }

  private static String prefix(String message, String what) {
    return message.startsWith(what) ? message : what + ": " + message;
  }

  private static ObjectNode patch(
      ObjectNode target, Patch patch, String path, String trait, String what) {
    try {
      return PatchEngine.apply(target, patch);
    } catch (PatchEngine.PatchFailure f) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.PATCH_CONFLICT,
                  "trait "
                      + trait
                      + " cannot patch the "
                      + what
                      + " at "
                      + (f.pointer().isEmpty() ? "/" : f.pointer())
                      + ": "
                      + f.getMessage(),
                  path)
              .withFacts(f.expected(), f.found()));
    }
  }

  private static void check(ObjectNode obj, String path, String what) {
    if (obj.path("apiVersion").asText("").isEmpty() || obj.path("kind").asText("").isEmpty()) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_OBJECT, what + " is not a Kubernetes object", path)
              .withFacts(
                  "apiVersion and kind",
                  "apiVersion=" + obj.path("apiVersion") + ", kind=" + obj.path("kind")));
    }
  }
}
