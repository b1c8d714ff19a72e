package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.CueValue;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.ApplicationTrait;
import io.vela4j.model.oam.StatusSpec;
import io.vela4j.render.Definition;
import io.vela4j.render.DefinitionRegistry;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.RenderResult.Role;
import io.vela4j.render.Renderer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * KubeVela's health check ({@code pkg/cue/definition/health}): a definition's {@code
 * status.healthPolicy} is compiled with {@code context} (name, appName, appRevision, {@code
 * output}: the live workload, {@code outputs}: the live auxiliaries by name) and {@code parameter},
 * and its {@code isHealth} read (no policy: healthy); {@code customStatus} the same way, reading
 * {@code message}; {@code details} gives its regular fields (labels under 32 characters, not
 * starting with {@code $}) as strings. A policy that cannot be decided because a live value is
 * missing counts as unhealthy, as KubeVela's does; any other CUE error is a {@code STATUS_ERROR}.
 */
public final class HealthCheck {
  private static final Map<String, CueProgram> PROGRAMS =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CueProgram> e) {
              return size() > 256;
            }
          });

  private HealthCheck() {}

  /** The health of a rendered component against live objects. */
  public static Renderer.Health of(
      DefinitionRegistry registry,
      RenderedComponent component,
      Function<RenderedObject, @Nullable ObjectNode> live) {
    ObjectNode base = Json.object();
    ObjectNode ctx = component.context();
    for (String f : List.of("name", "appName", "appRevision", "namespace", "cluster")) {
      if (ctx.has(f)) {
        base.set(f, ctx.get(f));
      }
    }
    ObjectNode workload = live.apply(component.workload());
    var auxiliaries = new LinkedHashMap<String, ObjectNode>();
    for (RenderedObject o : component.objects()) {
      if (o.role() == Role.AUXILIARY && o.output() != null) {
        ObjectNode l = live.apply(o);
        if (l != null) {
          auxiliaries.put(o.output(), l);
        }
      }
    }
    Definition def = registry.find(Definition.Kind.COMPONENT, component.spec().type()).orElse(null);
    Status own =
        evaluate(
            def == null ? null : def.status(),
            base,
            workload,
            auxiliaries,
            component.spec().properties(),
            "component " + component.name());
    var traits = new ArrayList<Renderer.TraitHealth>();
    boolean healthy = own.healthy();
    for (ApplicationTrait t : component.spec().traits()) {
      Definition td = registry.find(Definition.Kind.TRAIT, t.type()).orElse(null);
      if (td == null || td.status() == null) {
        continue;
      }
      var outs = new LinkedHashMap<String, ObjectNode>();
      for (RenderedObject o : component.objects()) {
        if (o.role() == Role.TRAIT && t.type().equals(o.trait()) && o.output() != null) {
          ObjectNode l = live.apply(o);
          if (l != null) {
            outs.put(o.output(), l);
          }
        }
      }
      Status s =
          evaluate(
              td.status(),
              base,
              workload,
              outs,
              t.properties(),
              "trait " + t.type() + " of component " + component.name());
      traits.add(new Renderer.TraitHealth(t.type(), s.healthy(), s.message()));
      healthy &= s.healthy();
    }
    return new Renderer.Health(component.name(), healthy, own.message(), own.details(), traits);
  }

  private record Status(boolean healthy, String message, Map<String, String> details) {}

  private static Status evaluate(
      @Nullable StatusSpec status,
      ObjectNode base,
      @Nullable ObjectNode output,
      Map<String, ObjectNode> outputs,
      @Nullable JsonNode parameter,
      String what) {
    if (status == null) {
      return new Status(true, "", Map.of());
    }
    ObjectNode ctx = base.deepCopy();
    if (output != null) {
      ctx.set("output", output);
    }
    if (!outputs.isEmpty()) {
      ObjectNode o = ctx.putObject("outputs");
      outputs.forEach(o::set);
    }
    Map<String, JsonNode> fills = new HashMap<>();
    fills.put("context", ctx);
    fills.put("parameter", parameter == null || parameter.isNull() ? Json.object() : parameter);
    Map<String, String> details = new TreeMap<>();
    if (notBlank(status.details())) {
      CueValue v = eval(status.details(), fills, what, "details");
      for (String f : v.fieldNames()) {
        if (f.length() < 32 && !f.startsWith("$")) {
          try {
            JsonNode n = v.lookup(f).export();
            details.put(f, n.isTextual() ? n.textValue() : n.toString());
          } catch (CueException e) {
            // a detail that cannot be computed from the live objects is left out
          }
        }
      }
    }
    boolean healthy = true;
    if (notBlank(status.healthPolicy())) {
      CueValue v = eval(status.healthPolicy(), fills, what, "healthPolicy");
      try {
        JsonNode h = v.lookup("isHealth").export();
        healthy = h.isBoolean() && h.booleanValue();
      } catch (CueException e) {
        if (!CueDiagnostics.incompleteOnly(e)) {
          throw failure(e, what, "healthPolicy");
        }
        healthy = false;
      }
    }
    String message = "";
    if (notBlank(status.customStatus())) {
      CueValue v = eval(status.customStatus(), fills, what, "customStatus");
      try {
        JsonNode m = v.lookup("message").export();
        message = m.isTextual() ? m.textValue() : m.toString();
      } catch (CueException e) {
        if (!CueDiagnostics.incompleteOnly(e)) {
          throw failure(e, what, "customStatus");
        }
      }
    }
    return new Status(healthy, message, details);
  }

  private static boolean notBlank(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  private static CueValue eval(
      String text, Map<String, JsonNode> fills, String what, String field) {
    try {
      CueProgram p =
          PROGRAMS.computeIfAbsent(
              text, t -> CueCompiler.create().compile(field + ".cue", t + CueEngine.DECLARATIONS));
      return p.evaluate(fills);
    } catch (CueException e) {
      throw failure(e, what, field);
    }
  }

  private static RenderException failure(CueException e, String what, String field) {
    List<Diagnostic> ds = new ArrayList<>();
    for (Diagnostic d :
        CueDiagnostics.of(e, RenderException.STATUS_ERROR, what + " (status." + field + ")")) {
      ds.add(d);
    }
    return new RenderException(ds);
  }
}
