package io.vela4j.examples.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.oam.Application;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds an Application's {@code status} the way KubeVela writes it, so that tools reading
 * KubeVela's status read ours: {@code status} (the phase: {@code rendering}, {@code
 * runningWorkflow}, {@code unhealthy}, {@code running}), {@code services} (one entry per component
 * and cluster with {@code healthy}, {@code message} and the traits' health), {@code conditions}
 * ({@code type}, {@code status}, {@code reason}, {@code message}, {@code lastTransitionTime}, which
 * changes only when the condition's status does) and {@code observedGeneration}. One writer per
 * reconcile; not thread-safe.
 */
final class StatusWriter {
  /** KubeVela's phase while rendering, and after a render that failed. */
  static final String RENDERING = "rendering";

  /** KubeVela's phase while the workflow applies the resources (here: until an apply succeeds). */
  static final String RUNNING_WORKFLOW = "runningWorkflow";

  /** Applied, but some component is not healthy yet. */
  static final String UNHEALTHY = "unhealthy";

  /** Applied and every component healthy. */
  static final String RUNNING = "running";

  /** The condition that the application rendered. */
  static final String RENDERED = "Rendered";

  /** The condition that the rendered objects were applied to every cluster. */
  static final String APPLIED = "Applied";

  /** The condition that every component is healthy. */
  static final String READY = "Ready";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Application app;
  private final Clock clock;
  private final Map<String, ObjectNode> conditions = new LinkedHashMap<>();
  private final Map<String, JsonNode> previous = new LinkedHashMap<>();
  private String phase = RENDERING;
  private ArrayNode services = JSON.arrayNode();

  StatusWriter(Application app, Clock clock) {
    this.app = app;
    this.clock = clock;
    JsonNode old = app.getStatus();
    if (old != null) {
      old.path("conditions").forEach(c -> previous.put(c.path("type").asText(), c));
      if (old.path("services").isArray()) {
        services = ((ArrayNode) old.path("services")).deepCopy(); // kept until health is read
      }
    }
  }

  StatusWriter phase(String value) {
    this.phase = value;
    return this;
  }

  /** Sets a condition; its transition time is kept when its status did not change. */
  StatusWriter condition(String type, boolean ok, String reason, String message) {
    return set(type, ok, reason, message);
  }

  /** Sets a condition to True, False or ({@code null}) Unknown. */
  private StatusWriter set(String type, @Nullable Boolean ok, String reason, String message) {
    String status = ok == null ? "Unknown" : ok ? "True" : "False";
    JsonNode before = previous.get(type);
    String since =
        before != null && before.path("status").asText().equals(status)
            ? before.path("lastTransitionTime").asText()
            : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode c = JSON.objectNode();
    c.put("type", type)
        .put("status", status)
        .put("reason", reason)
        .put("message", message)
        .put("lastTransitionTime", since);
    conditions.put(type, c);
    return this;
  }

  StatusWriter services(List<ObjectNode> value) {
    services = JSON.arrayNode().addAll(value);
    return this;
  }

  /**
   * The status. The conditions come in their order (Rendered, Applied, Ready); one this reconcile
   * did not reach, because an earlier one failed, is {@code Unknown}.
   */
  ObjectNode build() {
    ObjectNode status = JSON.objectNode();
    Long generation = app.getMetadata().getGeneration();
    if (generation != null) {
      status.put("observedGeneration", generation);
    }
    status.put("status", phase);
    status.set("services", services);
    ArrayNode list = status.putArray("conditions");
    String blocker = "";
    for (String type : List.of(RENDERED, APPLIED, READY)) {
      ObjectNode c = conditions.get(type);
      if (c == null) {
        set(type, null, "Waiting", "waits until " + blocker + " is True");
        c = conditions.get(type);
      }
      list.add(c);
      blocker = type;
    }
    return status;
  }
}
