package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueException;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.VelaJson;
import io.vela4j.model.oam.OutputItem;
import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.NotificationRecord;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.WorkflowException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in steps written in Java.
 *
 * <ul>
 *   <li>{@code deploy} (KubeVela's {@code deploy.cue} and multicluster provider): with {@code auto:
 *       false} the step first suspends for an approval ({@code Waiting approval to the deploy step
 *       "<name>"}); then every component of every placement the renderer derived for the step
 *       (topology, override and replication of its {@code policies}) is applied to its cluster, and
 *       the step waits until all are healthy. {@code parallelism} (default 5) is recorded; applies
 *       are made in placement and component order, so the result does not depend on it.
 *   <li>{@code apply-component}: the same for one component.
 *   <li>{@code notification} ({@code slack}, {@code dingding}, {@code lark}, {@code msteams},
 *       {@code email}) and {@code webhook} ({@code url}, {@code data}, by default the application):
 *       recorded in the run, never sent.
 * </ul>
 */
final class BuiltinSteps {
  private BuiltinSteps() {}

  static TaskLoop.Outcome run(
      RunState rs, RunState.MutableStep step, StepSpec spec, ObjectNode props) {
    return switch (spec.type()) {
      case "deploy" -> deploy(rs, step, spec, props);
      case "apply-component" -> dispatch(rs, step, spec, "");
      case "notification" -> notification(rs, step, spec, props);
      case "webhook" -> webhook(rs, step, spec, props);
      default -> throw new IllegalArgumentException(spec.type());
    };
  }

  private static TaskLoop.Outcome deploy(
      RunState rs, RunState.MutableStep step, StepSpec spec, ObjectNode props) {
    if (!props.path("auto").asBoolean(true) && !rs.resumed.contains(step.name)) {
      return outcome(
          StepPhase.SUSPENDED,
          "Waiting approval to the deploy step \"" + spec.name() + "\"",
          "Suspend");
    }
    int parallelism = props.path("parallelism").asInt(5);
    if (parallelism < 1) {
      return failed(
          spec,
          "parallelism must be at least 1 (found " + parallelism + ")",
          "properties.parallelism");
    }
    return dispatch(rs, step, spec, "parallelism " + parallelism);
  }

  private static TaskLoop.Outcome dispatch(
      RunState rs, RunState.MutableStep step, StepSpec spec, String note) {
    RenderResult.Step rendered =
        rs.render.steps().stream()
            .filter(s -> s.name().equals(spec.name()))
            .findFirst()
            .orElse(null);
    if (rendered == null) {
      return failed(
          spec,
          "step "
              + spec.name()
              + " was not rendered: the render result is not that of this application's workflow",
          null);
    }
    var unhealthy = new ArrayList<String>();
    int tasks = 0;
    for (PlacementDecision p : rendered.placements()) {
      DeliveryTarget target = ClusterState.target(p.cluster());
      for (RenderedComponent c : p.components()) {
        tasks++;
        for (RenderedObject o : c.objects()) {
          ObjectNode obj = o.object();
          Actions.defaultNamespace(obj);
          try {
            rs.provider.apply(target, obj, rs);
          } catch (RuntimeException e) {
            return failed(
                spec,
                "apply "
                    + o.kind()
                    + "/"
                    + o.name()
                    + " of "
                    + c.name()
                    + " on "
                    + target.display()
                    + " failed: "
                    + e.getMessage(),
                null);
          }
          rs.record(step, new AppliedObject(target, AppliedObject.Action.APPLY, step.name, obj));
        }
        String why = Health.unhealthy(rs, target, c);
        if (why != null) {
          unhealthy.add(why + " (" + target.display() + ")");
        }
      }
    }
    step.log.add(
        "applied "
            + tasks
            + " component"
            + (tasks == 1 ? "" : "s")
            + " to "
            + rendered.placements().size()
            + " placement"
            + (rendered.placements().size() == 1 ? "" : "s")
            + (note.isEmpty() ? "" : " (" + note + ")"));
    if (!unhealthy.isEmpty()) {
      return outcome(
          StepPhase.RUNNING,
          "Waiting for components to be healthy: " + String.join("; ", unhealthy),
          "Wait");
    }
    return outputs(spec, StepPhase.SUCCEEDED, "", "", Map.of());
  }

  private static final List<String> CHANNELS =
      List.of("slack", "dingding", "lark", "msteams", "email");

  private static TaskLoop.Outcome notification(
      RunState rs, RunState.MutableStep step, StepSpec spec, ObjectNode props) {
    int n = 0;
    for (String ch : CHANNELS) {
      JsonNode c = props.get(ch);
      if (c == null || c.isNull()) {
        continue;
      }
      n++;
      if (ch.equals("email")) {
        var to = new ArrayList<String>();
        c.path("to").forEach(t -> to.add(t.asText()));
        rs.notifications.add(
            new NotificationRecord(spec.name(), ch, String.join(",", to), c.path("content")));
      } else {
        rs.notifications.add(
            new NotificationRecord(spec.name(), ch, destination(c.path("url")), c.path("message")));
      }
    }
    step.log.add(n + " notification" + (n == 1 ? "" : "s") + " recorded, not sent");
    return outputs(spec, StepPhase.SUCCEEDED, "", "", Map.of());
  }

  private static TaskLoop.Outcome webhook(
      RunState rs, RunState.MutableStep step, StepSpec spec, ObjectNode props) {
    JsonNode data = props.get("data");
    if (data == null || data.isNull()) {
      try {
        data = Json.MAPPER.readTree(VelaJson.write(rs.app));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        data = Json.object();
      }
    }
    rs.notifications.add(
        new NotificationRecord(spec.name(), "webhook", destination(props.path("url")), data));
    step.log.add("webhook recorded, not sent");
    return outputs(spec, StepPhase.SUCCEEDED, "", "", Map.of());
  }

  private static String destination(JsonNode url) {
    if (url.isTextual()) {
      return url.textValue();
    }
    if (url.path("value").isTextual()) {
      return url.path("value").textValue();
    }
    JsonNode ref = url.path("secretRef");
    if (ref.isObject()) {
      return "secret:" + ref.path("name").asText("") + "/" + ref.path("key").asText("");
    }
    return "";
  }

  private static TaskLoop.Outcome outcome(StepPhase phase, String message, String reason) {
    return new TaskLoop.Outcome(phase, message, reason, null, Map.of(), List.of());
  }

  private static TaskLoop.Outcome failed(StepSpec spec, String message, @Nullable String field) {
    Diagnostic d =
        Diagnostic.error(
            WorkflowException.ACTION_FAILED,
            "step " + spec.name() + " (" + spec.type() + "): " + message,
            field == null ? spec.path() : spec.path() + "." + field);
    return new TaskLoop.Outcome(StepPhase.FAILED, message, "Execute", d, Map.of(), List.of());
  }

  /** Outputs of a Java step, each {@code valueFrom} evaluated over {@code root}. */
  private static TaskLoop.Outcome outputs(
      StepSpec spec, StepPhase phase, String message, String reason, Map<String, JsonNode> root) {
    var out = new LinkedHashMap<String, JsonNode>();
    var errors = new ArrayList<String>();
    for (OutputItem o : spec.outputs()) {
      try {
        out.put(o.name(), Conditions.eval(root, o.valueFrom()));
      } catch (CueException e) {
        errors.add("failed to get output from " + o.valueFrom() + ": " + e.getMessage());
        out.put(o.name(), com.fasterxml.jackson.databind.node.NullNode.getInstance());
      }
    }
    return new TaskLoop.Outcome(phase, message, reason, null, out, errors);
  }
}
