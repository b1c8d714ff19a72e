package io.vela4j.model;

import com.google.re2j.Pattern;
import io.vela4j.model.oam.AppPolicy;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationSpec;
import io.vela4j.model.oam.ApplicationTrait;
import io.vela4j.model.oam.InputItem;
import io.vela4j.model.oam.OutputItem;
import io.vela4j.model.oam.Workflow;
import io.vela4j.model.oam.WorkflowMode;
import io.vela4j.model.oam.WorkflowStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rules KubeVela enforces on an {@link Application} beyond its schema, and reports every
 * problem at once: names unique and DNS-1123; {@code dependsOn} naming existing entries and free of
 * cycles (the cycle is named); every consumed input produced by some output; non-empty types; valid
 * workflow modes and timeouts; and, when {@link KnownTypes} are given, that every {@code type}
 * names a known definition. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<Diagnostic> problems = ApplicationValidator.create().validate(app);
 * }</pre>
 */
public final class ApplicationValidator {
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+|0");
  private static final Set<String> BUILTIN_STEPS = Set.of("suspend", "step-group");

  private final @Nullable KnownTypes known;
  private final @Nullable PropertySchemas schemas;

  private ApplicationValidator(@Nullable KnownTypes known, @Nullable PropertySchemas schemas) {
    this.known = known;
    this.schemas = schemas;
  }

  /** A validator that does not check whether types name known definitions. */
  public static ApplicationValidator create() {
    return new ApplicationValidator(null, null);
  }

  /** A copy that also reports types that are not among {@code types}. */
  public ApplicationValidator withKnownTypes(KnownTypes types) {
    return new ApplicationValidator(types, schemas);
  }

  /**
   * A copy that also checks every component's, trait's and policy's {@code properties} against the
   * JSON Schema (draft 2020-12) its type has in {@code schemas}, reporting each problem at the
   * property's own path ({@code spec.components[0].traits[1].properties.replicas}). The schemas are
   * read as CUE values: an absent required property with a {@code default} is not missing, {@code
   * oneOf} is a disjunction, and a property that an open schema does not declare is a warning (a
   * likely typo) while a closed one ({@code additionalProperties: false}) makes it an error. Types
   * without a schema are not checked; a schema using keywords outside the supported subset gives
   * one warning and is not checked.
   *
   * @param schemas the schemas by kind and type
   * @return the new validator
   */
  public ApplicationValidator withPropertySchemas(PropertySchemas schemas) {
    return new ApplicationValidator(known, schemas);
  }

  /** Validates a parsed document: diagnostics carry its file, line and column. */
  public List<Diagnostic> validate(ParsedDocument document) {
    if (!(document.object() instanceof Application app)) {
      return List.of();
    }
    return validate(app).stream().map(document.sourceMap()::locate).toList();
  }

  /** Throws a {@link ValidationException} listing every error (warnings alone do not throw). */
  public void check(Application app) {
    var found = validate(app);
    if (found.stream().anyMatch(Diagnostic::isError)) {
      throw new ValidationException(found);
    }
  }

  /** Every problem of {@code app}, with field paths such as {@code spec.components[1].name}. */
  public List<Diagnostic> validate(Application app) {
    List<Diagnostic> out = new ArrayList<>();
    ApplicationSpec spec = app.getSpec();
    if (spec == null) {
      out.add(
          Diagnostic.error(DiagnosticCodes.MISSING_FIELD, "missing required field \"spec\"", "spec")
              .withFacts("object with components", "nothing"));
      return out;
    }
    checkComponents(spec.components(), out);
    checkPolicies(spec.policies(), out);
    if (schemas != null) {
      PropertyChecks.check(spec, schemas, out);
    }
    if (spec.workflow() != null) {
      checkWorkflow(spec.workflow(), out);
    }
    return out;
  }

  // ------------------------------------------------------------------ components

  private void checkComponents(List<ApplicationComponent> components, List<Diagnostic> out) {
    if (components.isEmpty()) {
      out.add(
          Diagnostic.warning(
              DiagnosticCodes.MISSING_COMPONENTS,
              "the application has no components: nothing will be deployed",
              "spec.components"));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < components.size(); i++) {
      var c = components.get(i);
      String p = FieldPaths.index("spec.components", i);
      checkName(c.name(), FieldPaths.field(p, "name"), "component", index, i, out);
      checkType(
          c.type(),
          FieldPaths.field(p, "type"),
          "component",
          known == null ? null : known.components(),
          out);
      for (int j = 0; j < c.traits().size(); j++) {
        ApplicationTrait t = c.traits().get(j);
        checkType(
            t.type(),
            FieldPaths.field(FieldPaths.index(FieldPaths.field(p, "traits"), j), "type"),
            "trait",
            known == null ? null : known.traits(),
            out);
      }
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    Map<String, String> producers = producers(components, out);
    for (int i = 0; i < components.size(); i++) {
      var c = components.get(i);
      String p = FieldPaths.index("spec.components", i);
      var deps = new LinkedHashSet<String>();
      for (int j = 0; j < c.dependsOn().size(); j++) {
        String d = c.dependsOn().get(j);
        String dp = FieldPaths.index(FieldPaths.field(p, "dependsOn"), j);
        if (d.equals(c.name())) {
          out.add(
              Diagnostic.error(
                  DiagnosticCodes.DEPENDS_ON_CYCLE,
                  "component \"" + d + "\" depends on itself",
                  dp));
        } else if (!index.containsKey(d)) {
          out.add(unknownRef("component", d, dp, index.keySet()));
        } else {
          deps.add(d);
        }
      }
      for (int j = 0; j < c.inputs().size(); j++) {
        InputItem in = c.inputs().get(j);
        String producer = producers.get(in.from());
        if (producer == null) {
          out.add(
              Diagnostic.error(
                      DiagnosticCodes.UNKNOWN_INPUT,
                      "input \"" + in.from() + "\" is not produced by any component's outputs",
                      FieldPaths.field(FieldPaths.index(FieldPaths.field(p, "inputs"), j), "from"))
                  .withFacts(
                      producers.isEmpty() ? "an output name" : "one of " + producers.keySet(),
                      in.from()));
        } else if (!producer.equals(c.name())) {
          deps.add(producer);
        }
      }
      if (c.name() != null) {
        edges.put(c.name(), new ArrayList<>(deps));
      }
    }
    reportCycles(edges, "component", "spec.components", index, out);
  }

  private static Map<String, String> producers(
      List<ApplicationComponent> components, List<Diagnostic> out) {
    Map<String, String> producers = new LinkedHashMap<>();
    for (int i = 0; i < components.size(); i++) {
      var c = components.get(i);
      for (int j = 0; j < c.outputs().size(); j++) {
        OutputItem o = c.outputs().get(j);
        String previous = producers.putIfAbsent(o.name(), c.name());
        if (previous != null) {
          out.add(
              Diagnostic.error(
                  DiagnosticCodes.DUPLICATE_OUTPUT,
                  "output \"" + o.name() + "\" is also produced by \"" + previous + "\"",
                  FieldPaths.field(
                      FieldPaths.index(
                          FieldPaths.field(FieldPaths.index("spec.components", i), "outputs"), j),
                      "name")));
        }
      }
    }
    return producers;
  }

  // ------------------------------------------------------------------ policies

  private void checkPolicies(List<AppPolicy> policies, List<Diagnostic> out) {
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < policies.size(); i++) {
      AppPolicy pol = policies.get(i);
      String p = FieldPaths.index("spec.policies", i);
      if (pol.name() != null && !pol.name().isEmpty()) {
        checkName(pol.name(), FieldPaths.field(p, "name"), "policy", names, i, out);
      }
      checkType(
          pol.type(),
          FieldPaths.field(p, "type"),
          "policy",
          known == null ? null : known.policies(),
          out);
    }
  }

  // ------------------------------------------------------------------ workflow

  private void checkWorkflow(Workflow wf, List<Diagnostic> out) {
    if (wf.ref() != null && !wf.ref().isEmpty() && !wf.steps().isEmpty()) {
      out.add(
          Diagnostic.warning(
              DiagnosticCodes.WORKFLOW_REF_CONFLICT,
              "workflow.ref is set, so KubeVela runs the referenced Workflow and ignores these steps",
              "spec.workflow.steps"));
    }
    if (wf.mode() != null) {
      checkMode(wf.mode().steps(), "spec.workflow.mode.steps", out);
      checkMode(wf.mode().subSteps(), "spec.workflow.mode.subSteps", out);
    }
    Map<String, Integer> names = new LinkedHashMap<>();
    Map<String, String> producers = new LinkedHashMap<>();
    // names and outputs are shared by steps and sub-steps
    for (int i = 0; i < wf.steps().size(); i++) {
      var s = wf.steps().get(i);
      String p = FieldPaths.index("spec.workflow.steps", i);
      collect(s, p, names, producers, out);
      for (int j = 0; j < s.subSteps().size(); j++) {
        collect(
            s.subSteps().get(j),
            FieldPaths.index(FieldPaths.field(p, "subSteps"), j),
            names,
            producers,
            out);
      }
    }
    checkSteps(wf.steps(), "spec.workflow.steps", producers, out, true);
  }

  private void collect(
      WorkflowStep s,
      String p,
      Map<String, Integer> names,
      Map<String, String> producers,
      List<Diagnostic> out) {
    if (s.name() == null || s.name().isEmpty()) {
      out.add(
          Diagnostic.error(
                  DiagnosticCodes.MISSING_FIELD,
                  "missing required field \"name\"",
                  FieldPaths.field(p, "name"))
              .withFacts("a DNS-1123 step name", "nothing"));
    } else {
      checkName(s.name(), FieldPaths.field(p, "name"), "step", names, names.size(), out);
    }
    for (int j = 0; j < s.outputs().size(); j++) {
      String prev = producers.putIfAbsent(s.outputs().get(j).name(), String.valueOf(s.name()));
      if (prev != null) {
        out.add(
            Diagnostic.error(
                DiagnosticCodes.DUPLICATE_OUTPUT,
                "output \""
                    + s.outputs().get(j).name()
                    + "\" is also produced by step \""
                    + prev
                    + "\"",
                FieldPaths.field(FieldPaths.index(FieldPaths.field(p, "outputs"), j), "name")));
      }
    }
  }

  private void checkSteps(
      List<WorkflowStep> steps,
      String base,
      Map<String, String> producers,
      List<Diagnostic> out,
      boolean topLevel) {
    Map<String, Integer> siblings = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name() != null) {
        siblings.putIfAbsent(steps.get(i).name(), i);
      }
    }
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      WorkflowStep s = steps.get(i);
      String p = FieldPaths.index(base, i);
      checkType(
          s.type(),
          FieldPaths.field(p, "type"),
          "workflow step",
          known == null ? null : stepTypes(known),
          out);
      if (s.timeout() != null && !DURATION.matches(s.timeout())) {
        out.add(
            Diagnostic.error(
                    DiagnosticCodes.INVALID_DURATION,
                    "invalid timeout \"" + s.timeout() + "\"",
                    FieldPaths.field(p, "timeout"))
                .withFacts("a duration such as 30s, 5m or 1h30m", s.timeout()));
      }
      if (!topLevel && !s.subSteps().isEmpty()) {
        out.add(
            Diagnostic.error(
                DiagnosticCodes.SUB_STEPS_NESTED,
                "a sub-step cannot have sub-steps of its own",
                FieldPaths.field(p, "subSteps")));
      }
      if (topLevel && !s.subSteps().isEmpty() && !"step-group".equals(s.type())) {
        out.add(
            Diagnostic.warning(
                DiagnosticCodes.SUB_STEPS_IGNORED,
                "only steps of type step-group run sub-steps; these are ignored",
                FieldPaths.field(p, "subSteps")));
      }
      if (s.mode() != null) {
        checkMode(s.mode(), FieldPaths.field(p, "mode"), out);
      }
      var deps = new LinkedHashSet<String>();
      for (int j = 0; j < s.dependsOn().size(); j++) {
        String d = s.dependsOn().get(j);
        String dp = FieldPaths.index(FieldPaths.field(p, "dependsOn"), j);
        if (d.equals(s.name())) {
          out.add(
              Diagnostic.error(
                  DiagnosticCodes.DEPENDS_ON_CYCLE, "step \"" + d + "\" depends on itself", dp));
        } else if (!siblings.containsKey(d)) {
          out.add(
              unknownRef(topLevel ? "step" : "sub-step of this group", d, dp, siblings.keySet()));
        } else {
          deps.add(d);
        }
      }
      for (int j = 0; j < s.inputs().size(); j++) {
        InputItem in = s.inputs().get(j);
        String producer = producers.get(in.from());
        if (producer == null) {
          out.add(
              Diagnostic.error(
                      DiagnosticCodes.UNKNOWN_INPUT,
                      "input \"" + in.from() + "\" is not produced by any step's outputs",
                      FieldPaths.field(FieldPaths.index(FieldPaths.field(p, "inputs"), j), "from"))
                  .withFacts(
                      producers.isEmpty() ? "an output name" : "one of " + producers.keySet(),
                      in.from()));
        } else if (siblings.containsKey(producer) && !producer.equals(s.name())) {
          deps.add(producer);
        }
      }
      if (s.name() != null) {
        edges.put(s.name(), new ArrayList<>(deps));
      }
      if (topLevel && !s.subSteps().isEmpty()) {
        checkSteps(s.subSteps(), FieldPaths.field(p, "subSteps"), producers, out, false);
      }
    }
    reportCycles(edges, "step", base, siblings, out);
  }

  private static Set<String> stepTypes(KnownTypes k) {
    var s = new LinkedHashSet<>(k.workflowSteps());
    s.addAll(BUILTIN_STEPS);
    return s;
  }

  private static void checkMode(@Nullable String mode, String path, List<Diagnostic> out) {
    if (mode != null
        && !mode.isEmpty()
        && !mode.equals(WorkflowMode.STEP_BY_STEP)
        && !mode.equals(WorkflowMode.DAG)) {
      out.add(
          Diagnostic.error(
                  DiagnosticCodes.INVALID_ENUM, "unknown workflow mode \"" + mode + "\"", path)
              .withFacts("StepByStep or DAG", mode));
    }
  }

  // ------------------------------------------------------------------ shared

  private static void checkName(
      @Nullable String name,
      String path,
      String what,
      Map<String, Integer> seen,
      int index,
      List<Diagnostic> out) {
    if (name == null || name.isEmpty()) {
      out.add(
          Diagnostic.error(DiagnosticCodes.MISSING_FIELD, what + " name is empty", path)
              .withFacts("a DNS-1123 name", "nothing"));
      return;
    }
    if (name.length() > 63 || !DNS1123_LABEL.matches(name)) {
      out.add(
          Diagnostic.error(
                  DiagnosticCodes.INVALID_NAME,
                  what + " name \"" + name + "\" is not a valid DNS-1123 label",
                  path)
              .withFacts(
                  "at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
                  name));
    }
    Integer first = seen.putIfAbsent(name, index);
    if (first != null) {
      out.add(
          Diagnostic.error(
                  DiagnosticCodes.DUPLICATE_NAME,
                  "duplicate " + what + " name \"" + name + "\"",
                  path)
              .withFacts("unique names", "\"" + name + "\" again"));
    }
  }

  private static void checkType(
      @Nullable String type,
      String path,
      String what,
      @Nullable Set<String> known,
      List<Diagnostic> out) {
    if (type == null || type.isBlank()) {
      out.add(
          Diagnostic.error(DiagnosticCodes.MISSING_FIELD, what + " type is empty", path)
              .withFacts(
                  "the name of a " + what + " definition", type == null ? "nothing" : "\"\""));
      return;
    }
    if (known != null) {
      int at = type.indexOf('@');
      String name = at < 0 ? type : type.substring(0, at);
      if (!known.contains(name)) {
        out.add(
            Diagnostic.error(
                    DiagnosticCodes.UNKNOWN_DEFINITION,
                    "unknown " + what + " type \"" + type + "\"",
                    path)
                .withFacts(
                    known.isEmpty() ? "a known definition" : "one of " + sorted(known), type));
      }
    }
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }

  private static Diagnostic unknownRef(
      String what, String name, String path, Set<String> available) {
    return Diagnostic.error(
            DiagnosticCodes.UNKNOWN_DEPENDENCY,
            "dependsOn names no " + what + " \"" + name + "\"",
            path)
        .withFacts(available.isEmpty() ? "an existing name" : "one of " + available, name);
  }

  /** Finds every elementary cycle start once (iterative DFS) and names it: a -> b -> a. */
  private static void reportCycles(
      Map<String, List<String>> edges,
      String what,
      String base,
      Map<String, Integer> index,
      List<Diagnostic> out) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on stack, 2 = done
    Set<String> reported = new LinkedHashSet<>();
    for (String start : edges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      var path = new ArrayList<String>();
      var iters = new ArrayList<java.util.Iterator<String>>();
      path.add(start);
      iters.add(edges.getOrDefault(start, List.of()).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        var it = iters.get(iters.size() - 1);
        if (it.hasNext()) {
          String next = it.next();
          Integer st = state.get(next);
          if (st == null) {
            state.put(next, 1);
            path.add(next);
            iters.add(edges.getOrDefault(next, List.of()).iterator());
          } else if (st == 1) {
            var cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
            var key = new java.util.TreeSet<>(cycle).toString();
            if (reported.add(key)) {
              cycle.add(next);
              String owner = cycle.get(0);
              Integer at = index.get(owner);
              out.add(
                  Diagnostic.error(
                          DiagnosticCodes.DEPENDS_ON_CYCLE,
                          what + " dependency cycle: " + String.join(" -> ", cycle),
                          at == null
                              ? base
                              : FieldPaths.field(FieldPaths.index(base, at), "dependsOn"))
                      .withFacts("no cycles", String.join(" -> ", cycle)));
            }
          }
        } else {
          state.put(path.remove(path.size() - 1), 2);
          iters.remove(iters.size() - 1);
        }
      }
    }
  }
}
