package io.vela4j.workflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationComponent;
import io.vela4j.model.oam.ApplicationSpec;
import io.vela4j.model.oam.Workflow;
import io.vela4j.model.oam.WorkflowStep;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.WorkflowException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The components as {@code op.#Load} gives them and {@code #ApplyComponent} applies them. Loading
 * renders each component once per call on the hub (no placement), with the application's revision;
 * the value of a component is its spec as the application writes it ({@code name}, {@code type},
 * {@code properties}, {@code traits}, ..., KubeVela's {@code #Load} since 1.2) plus {@code
 * workload} and {@code auxiliaries}: its rendered objects (KubeVela 1.1's {@code #Load}).
 */
final class Components {
  private final RunState rs;
  private @Nullable Map<String, ObjectNode> loaded;

  Components(RunState rs) {
    this.rs = rs;
  }

  /** Every component, by name, in application order. */
  Map<String, ObjectNode> loaded() {
    if (loaded == null) {
      var comps = rs.app.getSpec().components();
      var steps = new ArrayList<WorkflowStep>();
      for (ApplicationComponent c : comps) {
        ObjectNode p = Json.object();
        p.put("component", c.name());
        steps.add(WorkflowStep.of("load-" + c.name(), "apply-component", p));
      }
      RenderResult r = render(comps, steps);
      var out = new LinkedHashMap<String, ObjectNode>();
      for (int i = 0; i < comps.size(); i++) {
        ApplicationComponent c = comps.get(i);
        RenderedComponent rc = r.steps().get(i).placements().get(0).components().get(0);
        out.put(c.name(), entry(c, rc));
      }
      loaded = out;
    }
    return loaded;
  }

  private static ObjectNode entry(ApplicationComponent c, RenderedComponent rc) {
    ObjectNode e = spec(c);
    e.set("workload", rc.workload().object());
    ArrayNode aux = e.putArray("auxiliaries");
    for (int i = 1; i < rc.objects().size(); i++) {
      aux.add(rc.objects().get(i).object());
    }
    return e;
  }

  /** A component as JSON, empty fields left out (KubeVela's omitempty). */
  static ObjectNode spec(ApplicationComponent c) {
    ObjectNode o = Json.MAPPER.valueToTree(c);
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      JsonNode v = it.next().getValue();
      if (v.isNull() || (v.isContainerNode() && v.isEmpty())) {
        it.remove();
      }
    }
    return o;
  }

  private RenderResult render(List<ApplicationComponent> comps, List<WorkflowStep> steps) {
    Application a = rs.app;
    var spec = new ApplicationSpec(comps, a.getSpec().policies(), new Workflow(null, steps, null));
    var copy = new Application(a.getMetadata(), spec);
    try {
      return rs.renderer.render(
          copy, rs.options.renderOptions().withRevision(rs.render.revision()).withSourceMap(null));
    } catch (RenderException e) {
      throw new WorkflowException(e.diagnostics());
    }
  }

  /**
   * What {@code #ApplyComponent} applied.
   *
   * @param workload the workload as applied
   * @param outputs the other objects by their {@code trait.oam.dev/resource} label
   * @param healthy whether the component is healthy
   */
  record Applied(ObjectNode workload, Map<String, ObjectNode> outputs, boolean healthy) {}

  /** Renders one component (as JSON) on a cluster and applies its objects. */
  Applied apply(RunState.MutableStep step, ObjectNode specJson, String cluster, String namespace) {
    ObjectNode clean = specJson.deepCopy();
    clean.remove("workload");
    clean.remove("auxiliaries");
    ApplicationComponent c;
    try {
      c = Json.MAPPER.treeToValue(clean, ApplicationComponent.class);
    } catch (JsonProcessingException e) {
      throw new Actions.ActionException("value is not a component: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new Actions.ActionException("value is not a component: " + e.getMessage());
    }
    if (c == null || c.name() == null || c.type() == null) {
      throw new Actions.ActionException("value is not a component: it needs name and type");
    }
    ObjectNode p = Json.object();
    p.put("component", c.name());
    p.put("cluster", cluster);
    p.put("namespace", namespace);
    RenderResult r = render(List.of(c), List.of(WorkflowStep.of("apply", "apply-component", p)));
    var placement = r.steps().get(0).placements().get(0);
    DeliveryTarget target = ClusterState.target(placement.cluster());
    RenderedComponent rc = placement.components().get(0);
    ObjectNode workload = null;
    var outputs = new LinkedHashMap<String, ObjectNode>();
    for (RenderedObject o : rc.objects()) {
      ObjectNode obj = o.object();
      Actions.defaultNamespace(obj);
      ObjectNode stored = rs.provider.apply(target, obj, rs);
      rs.record(step, new AppliedObject(target, AppliedObject.Action.APPLY, step.name, obj));
      if (workload == null) {
        workload = stored;
      } else {
        String name =
            stored.path("metadata").path("labels").path("trait.oam.dev/resource").asText("");
        if (!name.isEmpty()) {
          outputs.put(name, stored);
        }
      }
    }
    boolean healthy = Health.unhealthy(rs, target, rc) == null;
    return new Applied(workload == null ? Json.object() : workload, outputs, healthy);
  }
}
