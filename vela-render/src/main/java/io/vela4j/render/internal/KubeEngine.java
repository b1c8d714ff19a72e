package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.Schematic;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateEngine;
import io.vela4j.render.spi.TemplateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kube} engine ({@code schematic.kube}, KubeVela 1.0–1.8): the workload is a raw object
 * whose fields named by each parameter's {@code fieldPaths} are set from the component's
 * properties. As KubeVela did: every property must be a declared parameter ({@code unsupported
 * parameter}), every {@code required} parameter must be given ({@code require parameter}), values
 * are type-checked ({@code string}, {@code number}, {@code boolean}) and written with crossplane's
 * field-path syntax ({@code spec.containers[0].image}, {@code
 * metadata.labels[app.kubernetes.io/name]}), creating what is missing on the way. Traits then apply
 * as to any other workload.
 */
public final class KubeEngine implements TemplateEngine {

  @Override
  public String name() {
    return "kube";
  }

  @Override
  public boolean handles(Definition definition) {
    Schematic s = definition.schematic();
    return (definition.kind() == Definition.Kind.COMPONENT
            || definition.kind() == Definition.Kind.WORKLOAD)
        && s != null
        && s.cue() == null
        && s.kube() != null;
  }

  @Override
  public Template compile(Definition definition) {
    Schematic.Kube kube = definition.schematic().kube();
    if (!(kube.template() instanceof ObjectNode base)) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_DEFINITION,
                  definition.display() + ": schematic.kube.template must be a Kubernetes object",
                  "spec.schematic.kube.template")
              .withFacts("an object", Json.describe(kube.template())));
    }
    var params = new LinkedHashMap<String, Schematic.KubeParameter>();
    var paths = new LinkedHashMap<String, List<List<Object>>>();
    var problems = new ArrayList<Diagnostic>();
    for (int i = 0; i < kube.parameters().size(); i++) {
      Schematic.KubeParameter p = kube.parameters().get(i);
      params.put(p.name(), p);
      var parsed = new ArrayList<List<Object>>();
      for (String fp : p.fieldPaths()) {
        try {
          parsed.add(FieldPath.parse(fp));
        } catch (IllegalArgumentException e) {
          problems.add(
              Diagnostic.error(
                      RenderException.INVALID_DEFINITION,
                      definition.display() + ": " + e.getMessage(),
                      "spec.schematic.kube.parameters[" + i + "].fieldPaths")
                  .withFacts("a field path such as spec.containers[0].image", fp));
        }
      }
      paths.put(p.name(), parsed);
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    ObjectNode template = base.deepCopy();
    return (parameter, context) -> evaluate(template, params, paths, parameter, definition);
  }

  private static TemplateResult evaluate(
      ObjectNode template,
      Map<String, Schematic.KubeParameter> params,
      Map<String, List<List<Object>>> paths,
      JsonNode parameter,
      Definition definition) {
    ObjectNode props = parameter instanceof ObjectNode o ? o : Json.object();
    var problems = new ArrayList<Diagnostic>();
    for (var it = props.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!params.containsKey(k)) {
        problems.add(
            Diagnostic.error(
                    RenderException.INVALID_PARAMETER,
                    "unsupported parameter \"" + k + "\"",
                    "properties." + k)
                .withFacts("one of " + String.join(", ", params.keySet()), k));
      }
    }
    for (Schematic.KubeParameter p : params.values()) {
      if (Boolean.TRUE.equals(p.required()) && !props.has(p.name())) {
        problems.add(
            Diagnostic.error(
                    RenderException.INVALID_PARAMETER,
                    "require parameter \"" + p.name() + "\"",
                    "properties." + p.name())
                .withFacts("a " + p.type(), "nothing"));
      }
    }
    ObjectNode out = template.deepCopy();
    for (var e : params.entrySet()) {
      JsonNode v = props.get(e.getKey());
      if (v == null) {
        continue;
      }
      String type = e.getValue().type();
      boolean ok =
          switch (type) {
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> false;
          };
      if (!ok) {
        problems.add(
            Diagnostic.error(
                    RenderException.INVALID_PARAMETER,
                    "invalid parameter value type for \"" + e.getKey() + "\"",
                    "properties." + e.getKey())
                .withFacts("a " + type, Json.describe(v)));
        continue;
      }
      for (List<Object> path : paths.get(e.getKey())) {
        FieldPath.set(out, path, v.deepCopy());
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return TemplateResult.ofOutput(out);
  }

  /** Crossplane's field paths: {@code a.b[0].c}, {@code a[key.with.dots]}, {@code a["key"]}. */
  static final class FieldPath {
    private FieldPath() {}

    static List<Object> parse(String path) {
      var out = new ArrayList<Object>();
      int i = 0;
      StringBuilder seg = new StringBuilder();
      while (i < path.length()) {
        char c = path.charAt(i);
        if (c == '.') {
          if (seg.length() > 0) {
            out.add(seg.toString());
            seg.setLength(0);
          } else if (i == 0 || path.charAt(i - 1) != ']') {
            throw new IllegalArgumentException("empty segment in field path '" + path + "'");
          }
          i++;
        } else if (c == '[') {
          if (seg.length() > 0) {
            out.add(seg.toString());
            seg.setLength(0);
          }
          int close = path.indexOf(']', i);
          if (close < 0) {
            throw new IllegalArgumentException("unclosed '[' in field path '" + path + "'");
          }
          String inner = path.substring(i + 1, close);
          if (inner.length() >= 2
              && (inner.startsWith("\"") && inner.endsWith("\"")
                  || inner.startsWith("'") && inner.endsWith("'"))) {
            out.add(inner.substring(1, inner.length() - 1));
          } else if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit)) {
            out.add(Integer.parseInt(inner));
          } else if (!inner.isEmpty()) {
            out.add(inner);
          } else {
            throw new IllegalArgumentException("empty '[]' in field path '" + path + "'");
          }
          i = close + 1;
        } else {
          seg.append(c);
          i++;
        }
      }
      if (seg.length() > 0) {
        out.add(seg.toString());
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("empty field path");
      }
      return out;
    }

    static void set(ObjectNode root, List<Object> path, JsonNode value) {
      JsonNode cur = root;
      for (int k = 0; k < path.size(); k++) {
        Object seg = path.get(k);
        boolean last = k == path.size() - 1;
        Object next = last ? null : path.get(k + 1);
        if (seg instanceof String key) {
          ObjectNode o = (ObjectNode) cur;
          if (last) {
            o.set(key, value);
            return;
          }
          JsonNode child = o.get(key);
          if (child == null || !(next instanceof Integer ? child.isArray() : child.isObject())) {
            child = next instanceof Integer ? Json.array() : Json.object();
            o.set(key, child);
          }
          cur = child;
        } else {
          ArrayNode a = (ArrayNode) cur;
          int index = (Integer) seg;
          while (a.size() <= index) {
            a.addNull();
          }
          if (last) {
            a.set(index, value);
            return;
          }
          JsonNode child = a.get(index);
          if (child == null || !(next instanceof Integer ? child.isArray() : child.isObject())) {
            child = next instanceof Integer ? Json.array() : Json.object();
            a.set(index, child);
          }
          cur = child;
        }
      }
    }
  }
}
