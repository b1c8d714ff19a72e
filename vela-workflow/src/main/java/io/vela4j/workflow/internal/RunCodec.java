package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParseResult;
import io.vela4j.model.VelaJson;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderOptions;
import io.vela4j.rollout.RolloutPlan;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.NotificationRecord;
import io.vela4j.workflow.RolloutProgress;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.StepStatus;
import io.vela4j.workflow.WorkflowException;
import io.vela4j.workflow.WorkflowOptions;
import io.vela4j.workflow.WorkflowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Writes a {@link WorkflowRun} as JSON and reads it back. */
public final class RunCodec {
  private RunCodec() {}

  /**
   * The run as JSON.
   *
   * @param run the run
   * @return a new tree
   */
  public static ObjectNode write(WorkflowRun run) {
    ObjectNode root = Json.object();
    Application app = run.application();
    root.put("application", app.getMetadata() == null ? "" : app.getMetadata().getName());
    root.put("phase", run.phase().label());
    root.put("message", run.message());
    root.put("time", run.time().toString());
    ArrayNode steps = root.putArray("steps");
    run.steps().forEach(s -> steps.add(step(s)));
    ObjectNode vars = root.putObject("variables");
    run.variables().forEach(vars::set);
    ObjectNode plan = root.putObject("plan");
    run.plan()
        .forEach(
            (t, objs) -> {
              ArrayNode a = plan.putArray(ClusterState.clusterName(t));
              objs.forEach(a::add);
            });
    ArrayNode notes = root.putArray("notifications");
    for (NotificationRecord n : run.notifications()) {
      ObjectNode o = notes.addObject();
      o.put("step", n.step());
      o.put("channel", n.channel());
      o.put("destination", n.destination());
      o.set("message", n.message());
    }
    ArrayNode rollouts = root.putArray("rollouts");
    for (RolloutProgress r : run.rollouts()) {
      ObjectNode o = rollouts.addObject();
      o.put("component", r.component());
      o.put("targetRevision", r.targetRevision());
      o.put("started", r.started());
      o.put("batch", r.batch());
      o.put("batches", r.batches());
      ArrayNode b = o.putArray("batchReplicas");
      r.plan().steps().stream()
          .filter(s -> s.kind() != RolloutPlan.StepKind.PAUSE)
          .forEach(s -> b.add(s.newReplicas()));
      o.put("description", r.describe());
    }
    ArrayNode resumed = root.putArray("resumed");
    run.resumed().forEach(resumed::add);
    WorkflowOptions opts = run.options();
    ObjectNode o = root.putObject("options");
    RenderOptions ro = opts.renderOptions();
    if (ro.revision() != null) {
      o.put("revision", ro.revision());
    }
    o.put("clusterVersion", ro.clusterVersion());
    ObjectNode cv = o.putObject("clusterVersions");
    ro.clusterVersions().forEach(cv::put);
    o.put("strictHealth", opts.strictHealth());
    root.set("state", opts.state().toJson());
    try {
      root.set("spec", Json.MAPPER.readTree(VelaJson.write(app)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return root;
  }

  private static ObjectNode step(StepStatus s) {
    ObjectNode o = Json.object();
    o.put("name", s.name());
    o.put("type", s.type());
    o.put("phase", s.phase().label());
    o.put("message", s.message());
    o.put("reason", s.reason());
    if (s.firstExecuteTime() != null) {
      o.put("firstExecuteTime", s.firstExecuteTime().toString());
    }
    if (s.lastExecuteTime() != null) {
      o.put("lastExecuteTime", s.lastExecuteTime().toString());
    }
    ObjectNode outs = o.putObject("outputs");
    s.outputs().forEach(outs::set);
    ArrayNode applied = o.putArray("applied");
    for (AppliedObject a : s.applied()) {
      ObjectNode x = applied.addObject();
      x.put("target", ClusterState.clusterName(a.target()));
      x.put("action", a.action().name().toLowerCase(Locale.ROOT));
      x.set("object", a.object());
    }
    ArrayNode log = o.putArray("log");
    s.log().forEach(log::add);
    if (!s.subSteps().isEmpty()) {
      ArrayNode subs = o.putArray("subSteps");
      s.subSteps().forEach(x -> subs.add(step(x)));
    }
    if (s.diagnostic() != null) {
      Diagnostic d = s.diagnostic();
      ObjectNode x = o.putObject("diagnostic");
      x.put("code", d.code());
      x.put("message", d.message());
      if (d.source() != null) {
        x.put("source", d.source());
        x.put("line", d.line());
        x.put("column", d.column());
      }
      if (d.path() != null) {
        x.put("path", d.path());
      }
      x.put("text", d.format());
    }
    return o;
  }

  /**
   * Reads a run written by {@link #write}.
   *
   * @param tree the tree
   * @return the run
   */
  public static WorkflowRun read(JsonNode tree) {
    try {
      JsonNode spec = tree.path("spec");
      ParseResult pr = VelaJson.reader().parse("run.json#spec", spec.toString());
      Application app = pr.orThrow().get(0).as(Application.class);
      JsonNode o = tree.path("options");
      RenderOptions ro =
          RenderOptions.defaults()
              .withRevision(o.hasNonNull("revision") ? o.get("revision").asText() : null)
              .withClusterVersion(
                  o.path("clusterVersion").asText(RenderOptions.DEFAULT_CLUSTER_VERSION));
      for (Iterator<Map.Entry<String, JsonNode>> it = o.path("clusterVersions").fields();
          it.hasNext(); ) {
        var e = it.next();
        ro = ro.withClusterVersion(e.getKey(), e.getValue().asText());
      }
      ClusterState state =
          tree.path("state").isObject()
              ? ClusterState.of(tree.path("state"))
              : ClusterState.empty();
      WorkflowOptions opts =
          new WorkflowOptions(
              app,
              ro,
              state,
              Instant.parse(tree.path("time").asText()),
              o.path("strictHealth").asBoolean(false));
      var steps = new ArrayList<StepStatus>();
      tree.path("steps").forEach(s -> steps.add(readStep(s)));
      var vars = new LinkedHashMap<String, JsonNode>();
      tree.path("variables").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
      var notes = new ArrayList<NotificationRecord>();
      for (JsonNode n : tree.path("notifications")) {
        notes.add(
            new NotificationRecord(
                n.path("step").asText(),
                n.path("channel").asText(),
                n.path("destination").asText(),
                n.path("message")));
      }
      var resumed = new TreeSet<String>();
      tree.path("resumed").forEach(r -> resumed.add(r.asText()));
      return new WorkflowRun(
          app,
          opts,
          WorkflowRun.Phase.valueOf(tree.path("phase").asText().toUpperCase(Locale.ROOT)),
          tree.path("message").asText(""),
          steps,
          vars,
          notes,
          List.of(),
          resumed);
    } catch (WorkflowException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new WorkflowException(
          Diagnostic.error(
              WorkflowException.INVALID_STATE,
              "not a workflow run written by Vela4J: " + e.getMessage(),
              null));
    }
  }

  private static StepStatus readStep(JsonNode s) {
    var outputs = new LinkedHashMap<String, JsonNode>();
    s.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue()));
    var applied = new ArrayList<AppliedObject>();
    for (JsonNode a : s.path("applied")) {
      DeliveryTarget t = ClusterState.target(a.path("target").asText(""));
      applied.add(
          new AppliedObject(
              t,
              AppliedObject.Action.valueOf(
                  a.path("action").asText("apply").toUpperCase(Locale.ROOT)),
              s.path("name").asText(),
              (ObjectNode) a.path("object")));
    }
    var log = new ArrayList<String>();
    s.path("log").forEach(l -> log.add(l.asText()));
    var subs = new ArrayList<StepStatus>();
    s.path("subSteps").forEach(x -> subs.add(readStep(x)));
    Diagnostic d = null;
    JsonNode dn = s.path("diagnostic");
    if (dn.isObject()) {
      d =
          new Diagnostic(
              Diagnostic.Severity.ERROR,
              dn.path("code").asText(),
              dn.path("message").asText(),
              dn.hasNonNull("source") ? dn.get("source").asText() : null,
              dn.path("line").asInt(0),
              dn.path("column").asInt(0),
              dn.hasNonNull("path") ? dn.get("path").asText() : null,
              null,
              null);
    }
    return new StepStatus(
        s.path("name").asText(),
        s.path("type").asText(),
        phase(s.path("phase").asText()),
        s.path("message").asText(""),
        s.path("reason").asText(""),
        time(s.path("firstExecuteTime")),
        time(s.path("lastExecuteTime")),
        outputs,
        applied,
        log,
        subs,
        d);
  }

  private static StepPhase phase(String label) {
    for (StepPhase p : StepPhase.values()) {
      if (p.label().equals(label)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown step phase " + label);
  }

  private static @Nullable Instant time(JsonNode n) {
    return n.isTextual() ? Instant.parse(n.asText()) : null;
  }
}
