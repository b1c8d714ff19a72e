package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.Paths;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.InputItem;
import io.vela4j.model.oam.OutputItem;
import io.vela4j.model.oam.Workflow;
import io.vela4j.model.oam.WorkflowMode;
import io.vela4j.model.oam.WorkflowStep;
import io.vela4j.render.RenderResult;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.WorkflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs steps as KubeVela's workflow executor ({@code kubevela/workflow pkg/executor/workflow.go})
 * does in one reconcile.
 *
 * <ul>
 *   <li>Modes: {@code spec.workflow.mode.steps} ({@code StepByStep} by default; a workflow KubeVela
 *       generates of {@code apply-component} steps is a {@code DAG}) and {@code subSteps} ({@code
 *       DAG} by default). StepByStep runs steps in order and stops at the first that is pending (a
 *       {@code dependsOn} not finished, an input not available) or does not finish; DAG runs every
 *       step whose dependencies are finished, then those that became ready.
 *   <li>{@code if}: {@code always} runs; empty skips a step when an earlier step (StepByStep) or a
 *       {@code dependsOn} (DAG) did not succeed or was skipped...; otherwise the CUE expression
 *       over {@code status.<step>.{phase, succeeded, failed, skipped, timeout, message}} (steps are
 *       also found by their properties' {@code name} or {@code component}), {@code
 *       inputs["<from>"]}, {@code context} and {@code parameter} decides; an error skips the step.
 *       A step of a skipped group is skipped.
 *   <li>{@code timeout}: a step not finished when {@code timeout} has passed since it first ran
 *       times out (a group's sub-steps with it); the run is then terminated.
 *   <li>A failed step terminates the run: the steps after it still run their pre-checks, so those
 *       without {@code if: always} (or a condition that holds) are skipped. A suspended step stops
 *       the run until it is resumed.
 *   <li>Inputs: {@code from} names an output of an earlier step ({@code name.sub.path} reaches
 *       inside it); {@code parameterKey} replaces that property. Outputs: each {@code valueFrom} is
 *       evaluated when the step finishes; one that cannot be is {@code null} and noted in the
 *       step's message.
 * </ul>
 *
 * Deliberate difference: an action or provider error fails the step at once; KubeVela retries it
 * (up to 10 times, with backoff) before failing.
 */
final class Scheduler {
  private final RunState rs;
  private final List<StepSpec> steps;
  private final boolean dag;

  private Scheduler(RunState rs, List<StepSpec> steps, boolean dag) {
    this.rs = rs;
    this.steps = steps;
    this.dag = dag;
  }

  /** The steps of an application, checked; throws listing every problem. */
  static Scheduler of(RunState rs) {
    Application app = rs.app;
    Workflow wf = app.getSpec() == null ? null : app.getSpec().workflow();
    var problems = new ArrayList<Diagnostic>();
    WorkflowMode mode = wf == null ? null : wf.mode();
    boolean subDag = mode == null || !WorkflowMode.STEP_BY_STEP.equals(mode.subSteps());
    checkMode(mode, problems);
    List<StepSpec> specs = new ArrayList<>();
    boolean dag;
    if (wf != null && !wf.steps().isEmpty() && (wf.ref() == null || wf.ref().isEmpty())) {
      for (int i = 0; i < wf.steps().size(); i++) {
        specs.add(
            spec(
                wf.steps().get(i),
                i,
                Paths.index("spec.workflow.steps", i),
                null,
                subDag,
                problems));
      }
      dag = mode != null && WorkflowMode.DAG.equals(mode.steps());
    } else {
      boolean allApply = true;
      for (RenderResult.Step s : rs.render.steps()) {
        var ws = WorkflowStep.of(s.name(), s.type(), Json.object());
        if (s.type().equals("apply-component")
            && !s.placements().isEmpty()
            && !s.placements().get(0).components().isEmpty()) {
          var deps = s.placements().get(0).components().get(0).spec().dependsOn();
          ws =
              new WorkflowStep(
                  s.name(),
                  s.type(),
                  Json.object(),
                  null,
                  deps,
                  List.of(),
                  List.of(),
                  null,
                  null,
                  null,
                  List.of());
        }
        allApply &= s.type().equals("apply-component");
        specs.add(spec(ws, specs.size(), "spec.workflow", null, subDag, problems));
      }
      dag = mode != null && mode.steps() != null ? WorkflowMode.DAG.equals(mode.steps()) : allApply;
    }
    check(rs, specs, problems);
    if (!problems.isEmpty()) {
      throw new WorkflowException(problems);
    }
    return new Scheduler(rs, specs, dag);
  }

  private static void checkMode(@Nullable WorkflowMode mode, List<Diagnostic> problems) {
    if (mode == null) {
      return;
    }
    for (String[] m : new String[][] {{"steps", mode.steps()}, {"subSteps", mode.subSteps()}}) {
      if (m[1] != null
          && !m[1].equals(WorkflowMode.DAG)
          && !m[1].equals(WorkflowMode.STEP_BY_STEP)) {
        problems.add(
            Diagnostic.error(
                    WorkflowException.INVALID_WORKFLOW,
                    "unknown workflow mode " + m[1],
                    "spec.workflow.mode." + m[0])
                .withFacts("StepByStep or DAG", m[1]));
      }
    }
  }

  private static StepSpec spec(
      WorkflowStep s,
      int index,
      String path,
      @Nullable String parent,
      boolean subDag,
      List<Diagnostic> problems) {
    String name = s.name() == null || s.name().isEmpty() ? s.type() + "-" + index : s.name();
    ObjectNode props = s.properties() instanceof ObjectNode o ? o.deepCopy() : Json.object();
    Duration timeout = null;
    if (s.timeout() != null && !s.timeout().isEmpty()) {
      timeout = Durations.parse(s.timeout());
      if (timeout == null) {
        problems.add(
            Diagnostic.error(
                    WorkflowException.INVALID_WORKFLOW,
                    "step " + name + ": invalid timeout \"" + s.timeout() + "\"",
                    path + ".timeout")
                .withFacts("a duration such as 30s, 5m or 1h30m", s.timeout()));
      }
    }
    boolean groupDag = subDag;
    if (s.mode() != null && !s.mode().isEmpty()) {
      groupDag = WorkflowMode.DAG.equals(s.mode());
    }
    var subs = new ArrayList<StepSpec>();
    for (int i = 0; i < s.subSteps().size(); i++) {
      subs.add(
          spec(s.subSteps().get(i), i, Paths.index(path + ".subSteps", i), name, subDag, problems));
    }
    return new StepSpec(
        name,
        s.type(),
        props,
        s.dependsOn(),
        s.inputs(),
        s.outputs(),
        s.ifCondition() == null ? "" : s.ifCondition().trim(),
        timeout,
        subs,
        groupDag,
        path,
        parent);
  }

  private static void check(RunState rs, List<StepSpec> specs, List<Diagnostic> problems) {
    var names = new LinkedHashMap<String, StepSpec>();
    var all = new ArrayList<StepSpec>();
    for (StepSpec s : specs) {
      all.add(s);
      all.addAll(s.subSteps());
    }
    for (StepSpec s : all) {
      StepSpec before = names.putIfAbsent(s.name(), s);
      if (before != null) {
        problems.add(
            Diagnostic.error(
                    WorkflowException.INVALID_WORKFLOW,
                    "step name " + s.name() + " is used twice (also at " + before.path() + ")",
                    s.path() + ".name")
                .withFacts("unique step names", s.name()));
      }
      StepTemplates.Kind k = rs.templates.kind(s.type());
      if (k == StepTemplates.Kind.UNKNOWN) {
        problems.add(
            Diagnostic.error(
                    WorkflowException.UNKNOWN_STEP_TYPE,
                    "step "
                        + s.name()
                        + ": type "
                        + s.type()
                        + " is neither a built-in step nor a WorkflowStepDefinition",
                    s.path() + ".type")
                .withFacts(
                    "a WorkflowStepDefinition, or one of apply-component, apply-object, deploy,"
                        + " notification, print-message-in-status, read-object, step-group,"
                        + " suspend, webhook",
                    s.type()));
      }
      if (!s.subSteps().isEmpty() && !s.type().equals("step-group")) {
        problems.add(
            Diagnostic.error(
                WorkflowException.INVALID_WORKFLOW,
                "step " + s.name() + ": only a step-group has subSteps",
                s.path() + ".subSteps"));
      }
    }
    for (StepSpec s : all) {
      for (int j = 0; j < s.dependsOn().size(); j++) {
        String d = s.dependsOn().get(j);
        if (!names.containsKey(d)) {
          problems.add(
              Diagnostic.error(
                      WorkflowException.INVALID_WORKFLOW,
                      "step " + s.name() + " depends on " + d + ", which is not a step",
                      Paths.index(s.path() + ".dependsOn", j))
                  .withFacts("one of " + String.join(", ", names.keySet()), d));
        }
      }
    }
  }

  /** Runs the workflow as far as it goes. */
  void run() {
    for (StepSpec s : steps) {
      rs.step(s);
      for (StepSpec sub : s.subSteps()) {
        rs.step(sub);
        var group = rs.step(s);
        if (!group.subSteps.contains(sub.name())) {
          group.subSteps.add(sub.name());
        }
      }
    }
    runList(steps, dag, null);
  }

  /** The top-level steps' names in order. */
  List<String> order() {
    return steps.stream().map(StepSpec::name).toList();
  }

  /** Every step and sub-step spec, depth first. */
  List<StepSpec> all() {
    var out = new ArrayList<StepSpec>();
    for (StepSpec s : steps) {
      out.add(s);
      out.addAll(s.subSteps());
    }
    return out;
  }

  private void runList(List<StepSpec> list, boolean asDag, @Nullable String parent) {
    if (asDag) {
      runDag(list, parent);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (rs.suspended) {
        return;
      }
      StepSpec s = list.get(i);
      RunState.MutableStep st = rs.step(s);
      if (st.phase.finished()) {
        continue;
      }
      if (pending(s)) {
        return;
      }
      runStep(s, dependPhase(list, i), parent);
      if (!st.phase.finished()) {
        return;
      }
    }
  }

  private void runDag(List<StepSpec> list, @Nullable String parent) {
    var todo = new ArrayList<StepSpec>();
    var waiting = new ArrayList<StepSpec>();
    for (StepSpec s : list) {
      if (rs.step(s).phase.finished()) {
        continue;
      }
      if (pending(s)) {
        waiting.add(s);
      } else {
        todo.add(s);
      }
    }
    if (todo.isEmpty()) {
      return;
    }
    for (StepSpec s : todo) {
      if (rs.suspended) {
        return;
      }
      runStep(s, dependsOnPhase(s.name(), new HashSet<>()), parent);
    }
    if (!rs.suspended && !waiting.isEmpty()) {
      runDag(waiting, parent);
    }
  }

  /** Whether a step waits for {@code dependsOn} or inputs; marks it pending if so. */
  private boolean pending(StepSpec s) {
    RunState.MutableStep st = rs.step(s);
    for (String d : s.dependsOn()) {
      RunState.MutableStep ds = rs.step(d);
      if (ds == null || !ds.phase.finished()) {
        st.set(StepPhase.PENDING, "Pending on DependsOn: " + d, "");
        return true;
      }
    }
    for (InputItem in : s.inputs()) {
      if (variable(in.from()) == null) {
        st.set(StepPhase.PENDING, "Pending on Input: " + in.from(), "");
        return true;
      }
    }
    return false;
  }

  private @Nullable JsonNode variable(String from) {
    List<String> parts = Json.split(from, '.');
    JsonNode v = rs.variables.get(parts.get(0));
    for (int i = 1; v != null && i < parts.size(); i++) {
      JsonNode next =
          v.isArray() && Json.isIndex(parts.get(i))
              ? v.get(Integer.parseInt(parts.get(i)))
              : v.get(parts.get(i));
      v = next;
    }
    return v;
  }

  private StepPhase dependPhase(List<StepSpec> list, int index) {
    if (index == 0) {
      return StepPhase.SUCCEEDED;
    }
    for (int j = index - 1; j >= 0; j--) {
      StepPhase p = rs.step(list.get(j)).phase;
      if (unsuccessful(p)) {
        return p;
      }
    }
    return rs.step(list.get(index - 1)).phase;
  }

  private StepPhase dependsOnPhase(String name, Set<String> seen) {
    RunState.MutableStep st = rs.step(name);
    if (st == null || !seen.add(name)) {
      return StepPhase.SUCCEEDED;
    }
    StepSpec spec = all().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    if (spec == null) {
      return StepPhase.SUCCEEDED;
    }
    for (String d : spec.dependsOn()) {
      RunState.MutableStep ds = rs.step(d);
      if (ds != null && ds.phase != StepPhase.SUCCEEDED) {
        return ds.phase;
      }
      StepPhase up = dependsOnPhase(d, seen);
      if (unsuccessful(up)) {
        return up;
      }
    }
    return StepPhase.SUCCEEDED;
  }

  private static boolean unsuccessful(StepPhase p) {
    return p != StepPhase.SUCCEEDED && p != StepPhase.SKIPPED;
  }

  private void runStep(StepSpec spec, StepPhase dependPhase, @Nullable String parent) {
    RunState.MutableStep st = rs.step(spec);
    rs.listener.stepStarted(spec.name(), spec.type());
    try {
      runChecked(spec, st, dependPhase, parent);
    } finally {
      rs.listener.stepFinished(st.toStatus(rs.steps));
    }
  }

  private void runChecked(
      StepSpec spec, RunState.MutableStep st, StepPhase dependPhase, @Nullable String parent) {
    RunState.MutableStep group = parent == null ? null : rs.step(parent);
    // pre-check: skip
    String skip = null;
    if (group != null && group.phase == StepPhase.SKIPPED) {
      skip = "";
    } else if (spec.ifCondition().equals("always")) {
      skip = null;
    } else if (spec.ifCondition().isEmpty()) {
      skip = unsuccessful(dependPhase) ? "" : null;
    } else {
      try {
        JsonNode v = Conditions.eval(ifScope(spec), spec.ifCondition());
        if (!v.isBoolean()) {
          skip = "pre check error: if must be a boolean, found " + v;
        } else if (!v.booleanValue()) {
          skip = "";
        }
      } catch (CueException e) {
        skip = "pre check error: invalid if value: " + e.errors().get(0).format();
      }
    }
    if (skip != null) {
      skipped(spec, st, skip);
      return;
    }
    // pre-check: timeout
    if (group != null && group.phase == StepPhase.TIMED_OUT
        || st.first != null
            && spec.timeout() != null
            && rs.now.isAfter(st.first.plus(spec.timeout()))) {
      timedOut(spec, st);
      return;
    }
    if (st.first == null) {
      st.first = rs.now;
    }
    st.last = rs.now;
    ObjectNode props = spec.properties();
    for (InputItem in : spec.inputs()) {
      JsonNode v = variable(in.from());
      if (in.parameterKey() != null && !in.parameterKey().isEmpty() && v != null) {
        Json.set(props, in.parameterKey(), v);
      }
    }
    TaskLoop.Outcome o;
    try {
      o = execute(spec, st, props);
    } catch (RuntimeException e) {
      // a provider or evaluation failure outside an action: the step fails, the run goes on
      Diagnostic d =
          Diagnostic.error(
              WorkflowException.ACTION_FAILED,
              "step "
                  + spec.name()
                  + " ("
                  + spec.type()
                  + "): "
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
              spec.path());
      o = new TaskLoop.Outcome(StepPhase.FAILED, d.message(), "Execute", d, Map.of(), List.of());
    }
    if (o != null) {
      apply(spec, st, o);
    }
  }

  /** Runs a step by its kind; {@code null} for a group, which sets its own status. */
  private TaskLoop.@Nullable Outcome execute(
      StepSpec spec, RunState.MutableStep st, ObjectNode props) {
    TaskLoop.Outcome o;
    switch (rs.templates.kind(spec.type())) {
      case ENGINE -> {
        if (spec.type().equals("step-group")) {
          group(spec, st);
          return null;
        }
        o = suspend(spec, st, props);
      }
      case JAVA -> o = BuiltinSteps.run(rs, st, spec, props);
      case DEFINITION, BUILTIN_CUE -> {
        try {
          var tpl = rs.templates.template(spec.type());
          o = new TaskLoop(rs, st, spec, tpl, props, ContextJson.of(rs, spec)).run();
        } catch (WorkflowException e) {
          Diagnostic d = e.diagnostics().get(0);
          o =
              new TaskLoop.Outcome(
                  StepPhase.FAILED,
                  d.message(),
                  "Rendering",
                  withPath(d, spec),
                  Map.of(),
                  List.of());
        }
      }
      default -> throw new IllegalStateException("checked before: " + spec.type());
    }
    return o;
  }

  private static Diagnostic withPath(Diagnostic d, StepSpec spec) {
    return d.path() != null
        ? d
        : new Diagnostic(
            d.severity(),
            d.code(),
            d.message(),
            d.source(),
            d.line(),
            d.column(),
            spec.path(),
            d.expected(),
            d.actual());
  }

  private void apply(StepSpec spec, RunState.MutableStep st, TaskLoop.Outcome o) {
    String message = o.message();
    if (!o.outputErrors().isEmpty()) {
      message = String.join("\n", o.outputErrors());
    }
    st.set(o.phase(), message, o.reason());
    st.diagnostic = o.phase() == StepPhase.FAILED ? o.diagnostic() : null;
    if (o.phase().finished()) {
      st.outputs.clear();
      st.outputs.putAll(o.outputs());
      for (OutputItem out : spec.outputs()) {
        rs.variables.put(out.name(), o.outputs().getOrDefault(out.name(), NullNode.getInstance()));
      }
    }
    if (o.phase() == StepPhase.SUSPENDED) {
      rs.suspended = true;
    }
    if (o.phase() == StepPhase.FAILED || o.phase() == StepPhase.TIMED_OUT) {
      rs.terminated = true;
    }
  }

  private void skipped(StepSpec spec, RunState.MutableStep st, String message) {
    st.set(StepPhase.SKIPPED, message, "Skip");
    for (OutputItem out : spec.outputs()) {
      rs.variables.put(out.name(), NullNode.getInstance());
    }
    for (StepSpec sub : spec.subSteps()) {
      RunState.MutableStep ss = rs.step(sub);
      if (!ss.phase.finished()) {
        ss.set(StepPhase.SKIPPED, "", "Skip");
      }
    }
  }

  private void timedOut(StepSpec spec, RunState.MutableStep st) {
    st.set(StepPhase.TIMED_OUT, "", "Timeout");
    String after = spec.timeout() == null ? "its group's timeout" : "timeout " + spec.timeout();
    st.diagnostic =
        Diagnostic.error(
            WorkflowException.TIMED_OUT,
            "step " + spec.name() + " (" + spec.type() + ") did not finish within " + after,
            spec.path() + (spec.timeout() == null ? "" : ".timeout"));
    rs.terminated = true;
    for (StepSpec sub : spec.subSteps()) {
      RunState.MutableStep ss = rs.step(sub);
      if (!ss.phase.finished()) {
        timedOut(sub, ss);
      }
    }
  }

  private TaskLoop.Outcome suspend(StepSpec spec, RunState.MutableStep st, ObjectNode props) {
    String message = props.path("message").asText("");
    if (rs.resumed.contains(spec.name())) {
      return new TaskLoop.Outcome(StepPhase.SUCCEEDED, "", "", null, Map.of(), List.of());
    }
    String d = props.path("duration").asText("");
    if (!d.isEmpty()) {
      Duration duration = Durations.parse(d);
      if (duration == null) {
        Diagnostic diag =
            Diagnostic.error(
                    WorkflowException.INVALID_WORKFLOW,
                    "step " + spec.name() + ": invalid duration \"" + d + "\"",
                    spec.path() + ".properties.duration")
                .withFacts("a duration such as 30s, 5m or 1h30m", d);
        return new TaskLoop.Outcome(
            StepPhase.FAILED, diag.message(), "Execute", diag, Map.of(), List.of());
      }
      if (st.first != null && !rs.now.isBefore(st.first.plus(duration))) {
        return new TaskLoop.Outcome(StepPhase.SUCCEEDED, "", "", null, Map.of(), List.of());
      }
    }
    return new TaskLoop.Outcome(StepPhase.SUSPENDED, message, "Suspend", null, Map.of(), List.of());
  }

  private void group(StepSpec spec, RunState.MutableStep st) {
    runList(spec.subSteps(), spec.subStepsDag(), spec.name());
    boolean anySuspended = false;
    boolean allFinished = true;
    boolean allSkipped = !spec.subSteps().isEmpty();
    RunState.MutableStep failed = null;
    RunState.MutableStep suspended = null;
    for (StepSpec sub : spec.subSteps()) {
      RunState.MutableStep ss = rs.step(sub);
      if (ss.phase == StepPhase.SUSPENDED) {
        anySuspended = true;
        suspended = suspended == null ? ss : suspended;
      }
      allFinished &= ss.phase.finished();
      allSkipped &= ss.phase == StepPhase.SKIPPED;
      if ((ss.phase == StepPhase.FAILED || ss.phase == StepPhase.TIMED_OUT) && failed == null) {
        failed = ss;
      }
    }
    if (anySuspended) {
      st.set(StepPhase.SUSPENDED, suspended.message, "Suspend");
    } else if (!allFinished) {
      st.set(StepPhase.RUNNING, "", "");
    } else if (failed != null) {
      st.set(StepPhase.FAILED, "sub-step " + failed.name + " " + failed.phase.label(), "Execute");
      st.diagnostic = failed.diagnostic;
      rs.terminated = true;
    } else if (allSkipped) {
      st.set(StepPhase.SKIPPED, "", "Skip");
    } else {
      st.set(StepPhase.SUCCEEDED, "", "");
    }
    if (st.phase.finished()) {
      for (OutputItem out : spec.outputs()) {
        rs.variables.put(out.name(), NullNode.getInstance());
      }
    }
  }

  /** The names an {@code if} sees. */
  private Map<String, JsonNode> ifScope(StepSpec spec) {
    ObjectNode status = Json.object();
    for (StepSpec s : all()) {
      RunState.MutableStep st = rs.step(s.name());
      if (st == null) {
        continue;
      }
      ObjectNode o = statusJson(st);
      status.set(s.name(), o);
      for (String extra : List.of("name", "component")) {
        String alias = s.property(extra).asText("");
        if (!alias.isEmpty() && !status.has(alias)) {
          status.set(alias, o);
        }
      }
    }
    ObjectNode inputs = Json.object();
    for (InputItem in : spec.inputs()) {
      JsonNode v = variable(in.from());
      if (v != null) {
        inputs.set(in.from(), v);
      }
    }
    var scope = new LinkedHashMap<String, JsonNode>();
    scope.put("status", status);
    scope.put("inputs", inputs);
    scope.put("context", ContextJson.of(rs, spec));
    scope.put("parameter", spec.properties());
    return scope;
  }

  private static ObjectNode statusJson(RunState.MutableStep st) {
    ObjectNode o = Json.object();
    o.put("name", st.name);
    o.put("type", st.type);
    o.put("phase", st.phase == StepPhase.TIMED_OUT ? "failed" : st.phase.label());
    o.put("message", st.message);
    o.put("reason", st.reason);
    o.put("succeeded", st.phase == StepPhase.SUCCEEDED);
    o.put("failed", st.phase == StepPhase.FAILED || st.phase == StepPhase.TIMED_OUT);
    o.put("skipped", st.phase == StepPhase.SKIPPED);
    o.put("timeout", st.phase == StepPhase.TIMED_OUT);
    return o;
  }
}
