package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueKind;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.CueValue;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.OutputItem;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.WorkflowException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs the actions of a step template until the step completes, waits, suspends or fails, as
 * KubeVela's workflow engine resolves a step's value.
 *
 * <p>The template is evaluated with {@code parameter} and {@code context}. Every struct holding a
 * concrete {@code #do} is an action (its {@code #provider}, {@code builtin} when absent, names who
 * carries it out); a {@code #do: "steps"} group is searched for actions inside, other actions are
 * not. Actions are found in regular fields and list elements, in field order ({@code parameter} and
 * {@code context} are not searched). Each round the first action not run yet whose inputs (its
 * {@code $params}, or the whole action for the legacy {@code vela/op} shape) are concrete runs; its
 * results are unified back into the value, which is evaluated again, so that actions whose inputs
 * needed those results become ready (and comprehensions may reveal new actions). When no action is
 * ready, a waiting, suspending, failing or message action still runs, its incomplete fields read as
 * absent ({@code continue} as false), as KubeVela's legacy engine reads them; otherwise the step
 * fails naming the first incomplete action. A wait stops the step (running, the run waits), a
 * suspend suspends it, a fail fails it.
 */
final class TaskLoop {
  private static final int MAX_ROUNDS = 10_000;
  private static final int MAX_DEPTH = 64;
  private static final Set<String> CONTROL = Set.of("wait", "suspend", "fail", "message");
  private static final String OUTPUT_FIELD = "__vela4j_output__";

  /**
   * One action found in the value.
   *
   * @param path its dotted path
   * @param value its value
   * @param provider its {@code #provider} ({@code builtin} when absent)
   * @param action its {@code #do}
   * @param returnsShape whether it has {@code $params} (results go to {@code $returns})
   */
  record Task(String path, CueValue value, String provider, String action, boolean returnsShape) {}

  /**
   * How the step ended.
   *
   * @param phase succeeded, running (wait), suspended or failed
   * @param message the step's message
   * @param reason KubeVela's reason
   * @param diagnostic for a failure: step, action and position
   * @param outputs the outputs, evaluated when the step finished
   * @param outputErrors messages for outputs that could not be evaluated
   */
  record Outcome(
      StepPhase phase,
      String message,
      String reason,
      @Nullable Diagnostic diagnostic,
      Map<String, JsonNode> outputs,
      List<String> outputErrors) {}

  private final RunState rs;
  private final RunState.MutableStep step;
  private final StepSpec spec;
  private final StepTemplates.CompiledStep tpl;
  private final Map<String, JsonNode> fills = new LinkedHashMap<>();
  private final Set<String> done = new HashSet<>();
  private String message = "";

  TaskLoop(
      RunState rs,
      RunState.MutableStep step,
      StepSpec spec,
      StepTemplates.CompiledStep tpl,
      ObjectNode parameter,
      ObjectNode context) {
    this.rs = rs;
    this.step = step;
    this.spec = spec;
    this.tpl = tpl;
    fills.put("parameter", parameter);
    fills.put("context", context);
  }

  Outcome run() {
    CueValue root = null;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      root = tpl.program().evaluate(fills);
      try {
        root.validate();
      } catch (CueException e) {
        return failed(
            CueDiagnostics.of(e, WorkflowException.TEMPLATE_ERROR, prefix(null), spec.path()),
            "Rendering",
            e.errors().get(0).message());
      }
      var pending = new ArrayList<Task>();
      for (Task t : scan(root)) {
        if (!done.contains(t.path())) {
          pending.add(t);
        }
      }
      if (pending.isEmpty()) {
        return finish(StepPhase.SUCCEEDED, "", root);
      }
      Task chosen = null;
      ObjectNode params = null;
      CueException incomplete = null;
      Task incompleteTask = null;
      for (Task t : pending) {
        try {
          params = exportParams(t);
          chosen = t;
          break;
        } catch (CueException e) {
          if (!CueDiagnostics.incompleteOnly(e)) {
            return failed(
                CueDiagnostics.of(e, WorkflowException.TEMPLATE_ERROR, prefix(t), spec.path()),
                "Rendering",
                e.errors().get(0).message());
          }
          if (incomplete == null) {
            incomplete = e;
            incompleteTask = t;
          }
        }
      }
      if (chosen == null) {
        for (Task t : pending) {
          if ("builtin".equals(t.provider()) && CONTROL.contains(t.action())) {
            chosen = t;
            params = partialParams(t);
            break;
          }
        }
      }
      if (chosen == null || params == null) {
        Task t = incompleteTask == null ? pending.get(0) : incompleteTask;
        List<Diagnostic> ds =
            incomplete == null
                ? List.of(
                    locate(
                        WorkflowException.INCOMPLETE_ACTION,
                        prefix(t) + ": its inputs are not concrete",
                        t))
                : List.of(
                    located(
                        CueDiagnostics.of(
                                new CueException(incomplete.errors().get(0)),
                                WorkflowException.INCOMPLETE_ACTION,
                                prefix(t) + ": its inputs never became concrete",
                                spec.path())
                            .get(0),
                        t));
        return failed(ds, "Execute", ds.get(0).message());
      }
      Actions.Result r;
      try {
        r = Actions.execute(rs, step, chosen, params);
      } catch (Actions.ActionException e) {
        Diagnostic d = locate(e.code, prefix(chosen) + ": " + e.getMessage(), chosen);
        return failed(List.of(d), "Execute", e.getMessage());
      } catch (WorkflowException e) {
        return failed(e.diagnostics(), "Execute", e.diagnostics().get(0).message());
      }
      done.add(chosen.path());
      for (var f : r.fills().entrySet()) {
        addFill(root, chosen.path() + "." + f.getKey(), f.getValue());
      }
      if (r.message() != null) {
        message = r.message();
      }
      switch (r.control()) {
        case WAIT -> {
          return finish(StepPhase.RUNNING, "Wait", evaluate());
        }
        case SUSPEND -> {
          return finish(StepPhase.SUSPENDED, "Suspend", evaluate());
        }
        case FAIL -> {
          Diagnostic d =
              locate(
                  WorkflowException.ACTION_FAILED,
                  prefix(chosen) + ": " + (message.isEmpty() ? "failed" : message),
                  chosen);
          var o = finish(StepPhase.FAILED, "Action", evaluate());
          return new Outcome(o.phase(), o.message(), o.reason(), d, o.outputs(), o.outputErrors());
        }
        case CONTINUE -> {
          // next round
        }
      }
    }
    Diagnostic d =
        Diagnostic.error(
            WorkflowException.TEMPLATE_ERROR,
            prefix(null) + ": more than " + MAX_ROUNDS + " actions",
            spec.path());
    return failed(List.of(d), "Execute", d.message());
  }

  private CueValue evaluate() {
    return tpl.program().evaluate(fills);
  }

  private String prefix(@Nullable Task t) {
    return "step "
        + spec.name()
        + " ("
        + tpl.what()
        + ")"
        + (t == null ? "" : ": action " + Actions.name(t) + " at " + t.path());
  }

  private Diagnostic locate(String code, String msg, Task t) {
    Diagnostic d = Diagnostic.error(code, msg, spec.path());
    int[] lc = Positions.of(tpl.text(), t.path());
    return lc == null ? d.withSource(tpl.source()) : d.withSource(tpl.source()).at(lc[0], lc[1]);
  }

  /** A diagnostic without a CUE position gets the action's position in the template. */
  private Diagnostic located(Diagnostic d, Task t) {
    if (d.source() != null && d.line() > 0) {
      return d;
    }
    int[] lc = Positions.of(tpl.text(), t.path());
    return lc == null ? d.withSource(tpl.source()) : d.withSource(tpl.source()).at(lc[0], lc[1]);
  }

  private Outcome failed(List<Diagnostic> ds, String reason, String msg) {
    var o = evaluateOutputs(null);
    return new Outcome(StepPhase.FAILED, msg, reason, ds.get(0), o.outputs, o.errors);
  }

  private Outcome finish(StepPhase phase, String reason, CueValue root) {
    if (phase == StepPhase.SUCCEEDED || phase == StepPhase.FAILED) {
      var o = evaluateOutputs(root);
      return new Outcome(phase, message, reason, null, o.outputs, o.errors);
    }
    return new Outcome(phase, message, reason, null, Map.of(), List.of());
  }

  private record Outputs(Map<String, JsonNode> outputs, List<String> errors) {}

  /** The step's outputs, each {@code valueFrom} a path or a CUE expression over the value. */
  private Outputs evaluateOutputs(@Nullable CueValue root) {
    var out = new LinkedHashMap<String, JsonNode>();
    var errors = new ArrayList<String>();
    for (OutputItem o : spec.outputs()) {
      try {
        CueValue r = root == null ? evaluate() : root;
        out.put(o.name(), valueFrom(r, o.valueFrom()));
      } catch (CueException | IllegalArgumentException e) {
        errors.add("failed to get output from " + o.valueFrom() + ": " + e.getMessage());
        out.put(o.name(), com.fasterxml.jackson.databind.node.NullNode.getInstance());
      }
    }
    return new Outputs(out, errors);
  }

  private JsonNode valueFrom(CueValue root, String expr) {
    String e = expr.trim();
    if (isPath(e)) {
      CueValue v = root.lookup(e);
      if (!v.exists()) {
        throw new IllegalArgumentException("no value at " + e);
      }
      return v.export();
    }
    CueProgram p =
        CueCompiler.create()
            .compile(tpl.source(), tpl.text() + "\n" + OUTPUT_FIELD + ": (" + e + ")\n");
    return p.evaluate(fills).lookup(OUTPUT_FIELD).export();
  }

  static boolean isPath(String e) {
    if (e.isEmpty()) {
      return false;
    }
    for (String part : Json.split(e, '.')) {
      if (part.isEmpty()) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '$' || (c == '#' && i == 0);
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }

  /** The actions in the value, in field order. */
  static List<Task> scan(CueValue root) {
    var out = new ArrayList<Task>();
    for (String f : root.fieldNames()) {
      if (f.equals("parameter") || f.equals("context") || f.indexOf('.') >= 0) {
        continue;
      }
      walk(root.lookup(f), f, out, 0);
    }
    return out;
  }

  private static void walk(CueValue v, String path, List<Task> out, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    CueKind k = v.kind();
    if (k == CueKind.STRUCT) {
      CueValue d = v.lookup("#do");
      if (d.exists() && d.kind() == CueKind.STRING && d.isConcrete()) {
        String action = d.export().asText();
        if (!action.equals("steps")) {
          CueValue p = v.lookup("#provider");
          String provider =
              p.exists() && p.kind() == CueKind.STRING && p.isConcrete()
                  ? p.export().asText()
                  : "builtin";
          out.add(new Task(path, v, provider, action, v.lookup("$params").exists()));
          return;
        }
      }
      for (String f : v.fieldNames()) {
        if (f.indexOf('.') < 0) {
          walk(v.lookup(f), path + "." + f, out, depth + 1);
        }
      }
    } else if (k == CueKind.LIST) {
      for (int i = 0; ; i++) {
        CueValue e = v.lookup(String.valueOf(i));
        if (!e.exists()) {
          break;
        }
        walk(e, path + "." + i, out, depth + 1);
      }
    }
  }

  private static ObjectNode exportParams(Task t) {
    JsonNode j = t.returnsShape() ? t.value().lookup("$params").export() : t.value().export();
    return j instanceof ObjectNode o ? o : Json.object();
  }

  /** A control action's fields that are concrete (the rest read as absent). */
  private static ObjectNode partialParams(Task t) {
    CueValue base = t.returnsShape() ? t.value().lookup("$params") : t.value();
    ObjectNode out = Json.object();
    for (String f : List.of("continue", "message", "duration")) {
      CueValue v = base.lookup(f);
      if (v.exists()) {
        try {
          out.set(f, v.export());
        } catch (CueException e) {
          // incomplete: absent
        }
      }
    }
    return out;
  }

  /**
   * Adds a fill at a dotted path. vela-cue fills structs by path; a path through a list element is
   * filled as the whole list, with {@code {}} for the other elements.
   */
  private void addFill(CueValue root, String path, JsonNode value) {
    JsonNode current = null;
    CueValue at = root.lookup(path);
    if (at.exists()) {
      try {
        current = at.export();
      } catch (CueException e) {
        current = null;
      }
    }
    JsonNode v = current == null ? value : Json.merge(value, current);
    List<String> segs = Json.split(path, '.');
    for (int i = 1; i < segs.size(); i++) {
      String listPath = String.join(".", segs.subList(0, i));
      if (Json.isIndex(segs.get(i)) && root.lookup(listPath).kind() == CueKind.LIST) {
        put(listPath, nested(root, listPath, segs.subList(i, segs.size()), v));
        return;
      }
    }
    put(path, v);
  }

  private static JsonNode nested(CueValue root, String base, List<String> rest, JsonNode value) {
    if (rest.isEmpty()) {
      return value;
    }
    String seg = rest.get(0);
    String next = base + "." + seg;
    if (Json.isIndex(seg) && root.lookup(base).kind() == CueKind.LIST) {
      ArrayNode a = Json.array();
      int idx = Integer.parseInt(seg);
      for (int i = 0; root.lookup(base + "." + i).exists(); i++) {
        a.add(i == idx ? nested(root, next, rest.subList(1, rest.size()), value) : Json.object());
      }
      return a;
    }
    ObjectNode o = Json.object();
    o.set(seg, nested(root, next, rest.subList(1, rest.size()), value));
    return o;
  }

  private void put(String path, JsonNode v) {
    JsonNode have = fills.get(path);
    fills.put(path, have == null ? v : Json.merge(have, v));
  }
}
