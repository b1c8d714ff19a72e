package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.ResourceKey;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.workflow.AppliedObject;
import io.vela4j.workflow.ClusterState;
import io.vela4j.workflow.WorkflowException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Carries out one action of a step template, as KubeVela's providers do, and says what to fill
 * back. Legacy {@code vela/op} actions get their results in their own fields ({@code value}, {@code
 * err}, {@code list}, {@code output}, {@code str}); the current packages' actions get them under
 * {@code $returns}.
 *
 * <table>
 *   <caption>Actions</caption>
 *   <tr><th>provider.do</th><th>what</th></tr>
 *   <tr><td>kube.apply</td><td>apply {@code value} to {@code cluster} (namespace {@code default}
 *       when a namespaced object has none, as KubeVela's apply does)</td></tr>
 *   <tr><td>kube.read</td><td>read; not found sets {@code err}</td></tr>
 *   <tr><td>kube.list</td><td>list one kind with a namespace and labels</td></tr>
 *   <tr><td>kube.delete</td><td>delete one object, or those {@code filter} selects</td></tr>
 *   <tr><td>oam.load</td><td>the components, rendered</td></tr>
 *   <tr><td>oam.component-apply</td><td>render one component and apply it</td></tr>
 *   <tr><td>builtin.wait / suspend / fail / message</td><td>steer the step</td></tr>
 *   <tr><td>util.log / string</td><td>log; bytes to string</td></tr>
 * </table>
 */
final class Actions {
  private static final ResourceScopes SCOPES = ResourceScopes.builtin();

  private Actions() {}

  /** What the step does after an action. */
  enum Control {
    CONTINUE,
    WAIT,
    SUSPEND,
    FAIL
  }

  /**
   * What an action produced.
   *
   * @param fills values to unify into the action, by path relative to it
   * @param control what the step does next
   * @param message the step's new message, or {@code null} to keep it
   */
  record Result(Map<String, JsonNode> fills, Control control, @Nullable String message) {
    static Result next(Map<String, JsonNode> fills) {
      return new Result(fills, Control.CONTINUE, null);
    }
  }

  /** An action that cannot be carried out. */
  static final class ActionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    ActionException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    ActionException(String message) {
      this(WorkflowException.ACTION_FAILED, message);
    }
  }

  /** The action's name as diagnostics show it: {@code kube.apply}. */
  static String name(TaskLoop.Task t) {
    return t.provider() + "." + t.action();
  }

  static Result execute(
      RunState rs, RunState.MutableStep step, TaskLoop.Task task, ObjectNode params) {
    boolean returns = task.returnsShape();
    String key = task.provider() + "." + task.action();
    return switch (key) {
      case "kube.apply" -> apply(rs, step, params, returns);
      case "kube.read" -> read(rs, params, returns);
      case "kube.list" -> list(rs, params, returns);
      case "kube.delete" -> delete(rs, step, params, returns);
      case "oam.load" -> Result.next(Map.of("value", load(rs, params)));
      case "oam.component-apply" -> applyComponent(rs, step, params);
      case "builtin.wait" ->
          params.path("continue").asBoolean(false)
              ? Result.next(Map.of())
              : new Result(Map.of(), Control.WAIT, text(params, "message"));
      case "builtin.suspend" -> suspend(rs, step, params);
      case "builtin.fail" -> new Result(Map.of(), Control.FAIL, text(params, "message"));
      case "builtin.message" -> new Result(Map.of(), Control.CONTINUE, text(params, "message"));
      case "util.log" -> {
        JsonNode data = params.path("data");
        step.log.add(
            data.isTextual() ? data.textValue() : data.isMissingNode() ? "" : data.toString());
        yield Result.next(Map.of());
      }
      case "util.string" -> {
        String s = convertString(params.path("bt"));
        yield Result.next(returns ? Map.of("$returns", object("str", s)) : Map.of("str", text(s)));
      }
      default ->
          throw new ActionException(
              WorkflowException.UNKNOWN_ACTION,
              "unknown action "
                  + key
                  + " (#provider: \""
                  + task.provider()
                  + "\", #do: \""
                  + task.action()
                  + "\"); Vela4J runs kube.apply, kube.read, kube.list, kube.delete, oam.load,"
                  + " oam.component-apply, builtin.wait, builtin.suspend, builtin.fail,"
                  + " builtin.message, util.log and util.string");
    };
  }

  private static @Nullable String text(JsonNode params, String field) {
    JsonNode m = params.path(field);
    return m.isTextual() ? m.textValue() : null;
  }

  private static JsonNode text(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s);
  }

  private static ObjectNode object(String k, JsonNode v) {
    ObjectNode o = Json.object();
    o.set(k, v);
    return o;
  }

  private static ObjectNode object(String k, String v) {
    ObjectNode o = Json.object();
    o.put(k, v);
    return o;
  }

  static DeliveryTarget target(JsonNode params) {
    return ClusterState.target(params.path("cluster").asText(""));
  }

  /** Sets {@code metadata.namespace: default} on a namespaced object without one. */
  static void defaultNamespace(ObjectNode obj) {
    if (!(obj.get("metadata") instanceof ObjectNode meta)) {
      return;
    }
    String ns = meta.path("namespace").asText("");
    if (ns.isEmpty()
        && !SCOPES.isClusterScoped(
            obj.path("apiVersion").asText(""), obj.path("kind").asText(""))) {
      meta.put("namespace", "default");
    }
  }

  private static ObjectNode objectParam(JsonNode params, String field) {
    if (!(params.get(field) instanceof ObjectNode o)) {
      throw new ActionException(field + " must be an object");
    }
    return o.deepCopy();
  }

  private static ResourceKey key(ObjectNode obj) {
    try {
      return ClusterState.keyOf(obj);
    } catch (IllegalArgumentException e) {
      throw new ActionException(e.getMessage());
    }
  }

  private static Result apply(
      RunState rs, RunState.MutableStep step, ObjectNode params, boolean returns) {
    if (params.has("patch") && !params.get("patch").isNull()) {
      throw new ActionException(
          "the patch field of kube.#Apply is not supported by Vela4J: patch the value in CUE");
    }
    ObjectNode obj = objectParam(params, "value");
    defaultNamespace(obj);
    key(obj);
    DeliveryTarget target = target(params);
    ObjectNode stored = provide(() -> rs.provider.apply(target, obj, rs), "apply", target);
    rs.record(step, new AppliedObject(target, AppliedObject.Action.APPLY, step.name, obj));
    return Result.next(
        returns
            ? Map.of("$returns", object("value", stored))
            : Map.of("value", Json.merge(stored, obj)));
  }

  private static Result read(RunState rs, ObjectNode params, boolean returns) {
    ObjectNode obj = objectParam(params, "value");
    defaultNamespace(obj);
    ResourceKey k = key(obj);
    DeliveryTarget target = target(params);
    Optional<ObjectNode> found = provide(() -> rs.provider.read(target, k, rs), "read", target);
    if (found.isPresent()) {
      return Result.next(
          returns
              ? Map.of("$returns", object("value", found.get()))
              : Map.of("value", Json.merge(found.get(), obj)));
    }
    String err = k.kind() + " \"" + k.name() + "\" not found";
    return Result.next(returns ? Map.of("$returns", object("err", err)) : Map.of("err", text(err)));
  }

  private static Result list(RunState rs, ObjectNode params, boolean returns) {
    JsonNode res = params.path("resource");
    String apiVersion = res.path("apiVersion").asText("");
    String kind = res.path("kind").asText("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      throw new ActionException("resource needs apiVersion and kind");
    }
    JsonNode filter = params.path("filter");
    String ns = filter.path("namespace").asText("");
    Map<String, String> labels = labels(filter.path("matchingLabels"));
    DeliveryTarget target = target(params);
    List<ObjectNode> items =
        provide(
            () -> rs.provider.list(target, apiVersion, kind, ns.isEmpty() ? null : ns, labels, rs),
            "list",
            target);
    ObjectNode list = Json.object();
    list.put("apiVersion", apiVersion);
    list.put("kind", kind + "List");
    list.putObject("metadata");
    ArrayNode a = list.putArray("items");
    items.forEach(a::add);
    return Result.next(returns ? Map.of("$returns", object("values", list)) : Map.of("list", list));
  }

  private static Map<String, String> labels(JsonNode m) {
    var out = new TreeMap<String, String>();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
      var e = it.next();
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static Result delete(
      RunState rs, RunState.MutableStep step, ObjectNode params, boolean returns) {
    ObjectNode obj = objectParam(params, "value");
    DeliveryTarget target = target(params);
    String apiVersion = obj.path("apiVersion").asText("");
    String kind = obj.path("kind").asText("");
    JsonNode filter = params.path("filter");
    List<ObjectNode> victims;
    if (filter.isObject()) {
      String ns = filter.path("namespace").asText("");
      victims =
          provide(
              () ->
                  rs.provider.list(
                      target,
                      apiVersion,
                      kind,
                      ns.isEmpty() ? null : ns,
                      labels(filter.path("matchingLabels")),
                      rs),
              "list",
              target);
    } else {
      defaultNamespace(obj);
      victims = List.of(obj);
    }
    for (ObjectNode v : victims) {
      ResourceKey k = key(v);
      boolean existed = provide(() -> rs.provider.delete(target, k, rs), "delete", target);
      if (existed) {
        rs.record(step, new AppliedObject(target, AppliedObject.Action.DELETE, step.name, v));
      }
    }
    return Result.next(returns ? Map.of("$returns", Json.object()) : Map.of());
  }

  private static JsonNode load(RunState rs, ObjectNode params) {
    Map<String, ObjectNode> all = rs.components().loaded();
    String one = params.path("component").asText("");
    if (!one.isEmpty()) {
      ObjectNode c = all.get(one);
      if (c == null) {
        throw new ActionException(
            "component "
                + one
                + " not found (the application has "
                + String.join(", ", all.keySet())
                + ")");
      }
      return c;
    }
    ObjectNode out = Json.object();
    all.forEach(out::set);
    return out;
  }

  private static Result applyComponent(RunState rs, RunState.MutableStep step, ObjectNode params) {
    if (params.has("patch") && !params.get("patch").isNull()) {
      throw new ActionException(
          "the patch field of oam.#ApplyComponent is not supported by Vela4J: set the"
              + " component's properties or traits instead");
    }
    ObjectNode spec = objectParam(params, "value");
    Components.Applied a =
        rs.components()
            .apply(
                step, spec, params.path("cluster").asText(""), params.path("namespace").asText(""));
    var fills = new LinkedHashMap<String, JsonNode>();
    fills.put("output", a.workload());
    if (!a.outputs().isEmpty()) {
      ObjectNode outs = Json.object();
      a.outputs().forEach(outs::set);
      fills.put("outputs", outs);
    }
    if (params.path("waitHealthy").asBoolean(true) && !a.healthy()) {
      return new Result(fills, Control.WAIT, "wait healthy");
    }
    return Result.next(fills);
  }

  private static Result suspend(RunState rs, RunState.MutableStep step, ObjectNode params) {
    if (rs.resumed.contains(step.name)) {
      return Result.next(Map.of());
    }
    String d = params.path("duration").asText("");
    if (!d.isEmpty()) {
      Duration duration = Durations.parse(d);
      if (duration == null) {
        throw new ActionException("invalid duration \"" + d + "\" (expected 30s, 5m, 1h30m ...)");
      }
      Instant first = step.first == null ? rs.now : step.first;
      if (!rs.now.isBefore(first.plus(duration))) {
        return Result.next(Map.of());
      }
    }
    return new Result(Map.of(), Control.SUSPEND, text(params, "message"));
  }

  private static String convertString(JsonNode bt) {
    if (!bt.isTextual()) {
      throw new ActionException("bt must be bytes");
    }
    try {
      return new String(Base64.getDecoder().decode(bt.textValue()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return bt.textValue();
    }
  }

  interface Call<T> {
    T call();
  }

  private static <T> T provide(Call<T> call, String what, DeliveryTarget target) {
    try {
      return call.call();
    } catch (ActionException | WorkflowException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ActionException(
          what
              + " on "
              + target.display()
              + " failed: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }
}
