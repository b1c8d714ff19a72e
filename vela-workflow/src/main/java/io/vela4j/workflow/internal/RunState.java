package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.NotificationRecord;
import io.vela4j.workflow.StepPhase;
import io.vela4j.workflow.StepStatus;
import io.vela4j.workflow.WorkflowListener;
import io.vela4j.workflow.WorkflowOptions;
import io.vela4j.workflow.spi.ClusterView;
import io.vela4j.workflow.spi.WorkflowProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The state of one call of the engine (a run or a resume): step statuses, variables, what was
 * applied, the cluster view. Mutable, confined to the calling thread.
 */
final class RunState implements ClusterView {
  final Application app;
  final WorkflowOptions options;
  final RenderResult render;
  final Renderer renderer;
  final WorkflowProvider provider;
  final StepTemplates templates;
  final WorkflowListener listener;
  final Instant now;
  final ClusterState state;
  final Map<String, MutableStep> steps = new LinkedHashMap<>();
  final Map<String, JsonNode> variables = new LinkedHashMap<>();
  final List<NotificationRecord> notifications = new ArrayList<>();
  final Set<String> resumed = new TreeSet<>();
  boolean suspended;
  boolean terminated;
  private final Map<DeliveryTarget, Map<ResourceKey, AppliedObject>> overlay = new TreeMap<>();
  private @Nullable Components components;

  RunState(
      WorkflowOptions options,
      RenderResult render,
      Renderer renderer,
      WorkflowProvider provider,
      StepTemplates templates,
      WorkflowListener listener) {
    this.app = options.application();
    this.options = options;
    this.render = render;
    this.renderer = renderer;
    this.provider = provider;
    this.templates = templates;
    this.listener = listener;
    this.now = options.time();
    this.state = options.state();
  }

  Components components() {
    if (components == null) {
      components = new Components(this);
    }
    return components;
  }

  /** A step's mutable status, created pending. */
  MutableStep step(StepSpec spec) {
    return steps.computeIfAbsent(spec.name(), n -> new MutableStep(spec.name(), spec.type()));
  }

  @Nullable MutableStep step(String name) {
    return steps.get(name);
  }

  /** Records an applied or deleted object into a step and the view. */
  void record(MutableStep step, AppliedObject a) {
    var key = new AppliedKey(a.target(), a.key(), a.action());
    step.applied.remove(new AppliedKey(a.target(), a.key(), other(a.action())));
    step.applied.put(key, a);
    overlay.computeIfAbsent(a.target(), t -> new TreeMap<>()).put(a.key(), a);
  }

  private static AppliedObject.Action other(AppliedObject.Action a) {
    return a == AppliedObject.Action.APPLY
        ? AppliedObject.Action.DELETE
        : AppliedObject.Action.APPLY;
  }

  /** Replays applied objects of an earlier call into the view. */
  void replay(AppliedObject a) {
    overlay.computeIfAbsent(a.target(), t -> new TreeMap<>()).put(a.key(), a);
  }

  /** Whether the cluster state (not the run's own applies) holds an object. */
  Optional<ObjectNode> observed(DeliveryTarget target, ResourceKey key) {
    return state.get(target, key);
  }

  @Override
  public Optional<ObjectNode> get(DeliveryTarget target, ResourceKey key) {
    AppliedObject a = overlay.getOrDefault(target, Map.of()).get(key);
    if (a == null) {
      return state.get(target, key);
    }
    if (a.action() == AppliedObject.Action.DELETE) {
      return Optional.empty();
    }
    ObjectNode o = a.object();
    return Optional.of(state.get(target, key).map(seen -> Json.observed(o, seen)).orElse(o));
  }

  @Override
  public List<ObjectNode> list(
      DeliveryTarget target,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels) {
    var keys = new TreeSet<ResourceKey>();
    for (ObjectNode o : state.objects(target)) {
      keys.add(ClusterState.keyOf(o));
    }
    keys.addAll(overlay.getOrDefault(target, Map.of()).keySet());
    var out = new ArrayList<ObjectNode>();
    for (ResourceKey k : keys) {
      get(target, k)
          .filter(o -> matches(k, o, apiVersion, kind, namespace, labels))
          .ifPresent(out::add);
    }
    return out;
  }

  private static boolean matches(
      ResourceKey key,
      JsonNode o,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      Map<String, String> labels) {
    if (!key.kind().equals(kind) || !key.apiVersion().equals(apiVersion)) {
      return false;
    }
    if (namespace != null && !namespace.isEmpty() && !namespace.equals(key.namespace())) {
      return false;
    }
    for (var l : labels.entrySet()) {
      if (!l.getValue().equals(o.path("metadata").path("labels").path(l.getKey()).asText(null))) {
        return false;
      }
    }
    return true;
  }

  record AppliedKey(DeliveryTarget target, ResourceKey key, AppliedObject.Action action) {}

  /** A step's status while the engine works on it. */
  static final class MutableStep {
    final String name;
    final String type;
    StepPhase phase = StepPhase.PENDING;
    String message = "";
    String reason = "";
    @Nullable Instant first;
    @Nullable Instant last;
    final Map<String, JsonNode> outputs = new LinkedHashMap<>();
    final LinkedHashMap<AppliedKey, AppliedObject> applied = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    final List<String> subSteps = new ArrayList<>();
    @Nullable Diagnostic diagnostic;

    MutableStep(String name, String type) {
      this.name = name;
      this.type = type;
    }

    void set(StepPhase p, String m, String r) {
      phase = p;
      message = m;
      reason = r;
    }

    StepStatus toStatus(Map<String, MutableStep> all) {
      var subs = new ArrayList<StepStatus>();
      for (String s : subSteps) {
        MutableStep m = all.get(s);
        if (m != null) {
          subs.add(m.toStatus(all));
        }
      }
      return new StepStatus(
          name,
          type,
          phase,
          message,
          reason,
          first,
          last,
          outputs,
          List.copyOf(applied.values()),
          log,
          subs,
          diagnostic);
    }

    static MutableStep of(StepStatus s) {
      var m = new MutableStep(s.name(), s.type());
      m.phase = s.phase();
      m.message = s.message();
      m.reason = s.reason();
      m.first = s.firstExecuteTime();
      m.last = s.lastExecuteTime();
      m.outputs.putAll(s.outputs());
      for (AppliedObject a : s.applied()) {
        m.applied.put(new AppliedKey(a.target(), a.key(), a.action()), a);
      }
      m.log.addAll(s.log());
      s.subSteps().forEach(x -> m.subSteps.add(x.name()));
      m.diagnostic = s.diagnostic();
      return m;
    }
  }
}
