package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationTrait;
import io.vela4j.rollout.RolloutAdapters;
import io.vela4j.rollout.RolloutException;
import io.vela4j.rollout.RolloutPlan;
import io.vela4j.rollout.RolloutPlanner;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.RolloutProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each component's {@code rollout} trait is: its batches planned by {@code vela-rollout}
 * ({@link RolloutAdapters#fromKubeVelaTrait}, from no replicas of an earlier revision), and the
 * batch a {@code Rollout} object named after the component shows in the cluster state ({@code
 * status.rolloutStatus.currentBatch}). The rollout has started once the run applied that object,
 * directly or inside a ManifestWork, or the state holds it.
 */
final class Rollouts {
  private Rollouts() {}

  static List<RolloutProgress> of(RunState rs) {
    var out = new ArrayList<RolloutProgress>();
    for (ApplicationComponent c : rs.app.getSpec().components()) {
      for (ApplicationTrait t : c.traits()) {
        if (!t.type().equals("rollout") && !t.type().startsWith("rollout@")) {
          continue;
        }
        JsonNode props = t.properties() == null ? Json.object() : t.properties();
        RolloutPlan plan;
        try {
          plan = RolloutPlanner.plan(RolloutAdapters.fromKubeVelaTrait(props, 0));
        } catch (RolloutException e) {
          continue;
        }
        String target = props.path("targetRevision").asText("");
        if (target.isEmpty()) {
          target =
              c.externalRevision() != null && !c.externalRevision().isEmpty()
                  ? c.externalRevision()
                  : c.name() + "-v" + ContextJson.revisionNumber(rs.render.revision());
        }
        boolean started = false;
        int batch = 0;
        for (AppliedObject a : applied(rs)) {
          started |= isRollout(a.object(), c.name()) || inWork(a.object(), c.name());
        }
        for (DeliveryTarget tg : rs.state.targets()) {
          for (ObjectNode o : rs.state.objects(tg)) {
            if (isRollout(o, c.name())) {
              started = true;
              batch = o.path("status").path("rolloutStatus").path("currentBatch").asInt(batch);
            }
          }
        }
        out.add(new RolloutProgress(c.name(), target, plan, batch, started));
      }
    }
    return out;
  }

  private static List<AppliedObject> applied(RunState rs) {
    var out = new ArrayList<AppliedObject>();
    rs.steps.values().forEach(s -> out.addAll(s.applied.values()));
    return out;
  }

  private static boolean isRollout(JsonNode o, String component) {
    return o.path("kind").asText("").equals("Rollout")
        && (o.path("metadata").path("name").asText("").equals(component)
            || o.path("spec").path("componentName").asText("").equals(component));
  }

  private static boolean inWork(JsonNode o, String component) {
    if (!o.path("kind").asText("").equals("ManifestWork")) {
      return false;
    }
    for (JsonNode m : o.path("spec").path("workload").path("manifests")) {
      if (isRollout(m, component)) {
        return true;
      }
    }
    return false;
  }
}
