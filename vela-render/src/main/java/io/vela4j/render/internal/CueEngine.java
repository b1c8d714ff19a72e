package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CueProgram;
import io.vela4j.cue.CueValue;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import io.vela4j.render.spi.Patch;
import io.vela4j.render.spi.Template;
import io.vela4j.render.spi.TemplateEngine;
import io.vela4j.render.spi.TemplateResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cue} engine: {@code schematic.cue.template} compiled once with {@code vela-cue}, then
 * evaluated per render with {@code parameter} and {@code context} unified in, as KubeVela compiles
 * {@code <template>\nparameter: <json>\ncontext: <json>}.
 *
 * <p>Reading the result follows KubeVela: a non-empty {@code errs} list, or any CUE error that is
 * not an incomplete value anywhere in the value, fails the render; {@code output} is the workload;
 * the regular fields of {@code outputs} are auxiliaries in field order; {@code patch} and {@code
 * patchOutputs.<name>} are patches whose strategy comes from their own doc comment ({@code //
 * +patchStrategy=jsonPatch|jsonMergePatch}) and whose {@code patchKey}/{@code patchStrategy} tags
 * come from the doc comments of the fields inside them.
 */
public final class CueEngine implements TemplateEngine {

  /** A program holding one free field, used to turn JSON into a CUE value for unification. */
  private static final CueProgram PROBE = CueCompiler.create().compile("probe.cue", "x: _\n");

  /** What KubeVela appends to a template before compiling it. */
  static final String DECLARATIONS = "\ncontext: _\nparameter: _\n";

  @Override
  public String name() {
    return "cue";
  }

  @Override
  public boolean handles(Definition definition) {
    // workflow-step templates are run by vela-workflow (they import KubeVela's vela/op, vela/kube,
    // ... packages, which only the workflow engine provides); the renderer never evaluates them
    return definition.cueTemplate() != null && definition.kind() != Definition.Kind.WORKFLOW_STEP;
  }

  @Override
  public Template compile(Definition definition) {
    String text = definition.cueTemplate();
    if (text == null) {
      throw new IllegalArgumentException(definition.display() + " has no CUE template");
    }
    String file =
        definition.location().source() == null
            ? definition.display()
            : definition.location().source();
    try {
      // KubeVela compiles "<template>\ncontext: _\nparameter: _" with the values appended; here
      // the declarations are appended and the values unified in per render
      return new CueTemplate(
          definition.kind(),
          CueCompiler.create().compile(file, text + DECLARATIONS),
          definition.display());
    } catch (CueException e) {
      throw new RenderException(
          CueDiagnostics.of(e, DiagnosticCodes.INVALID_DEFINITION, definition.display()));
    }
  }

  private record CueTemplate(Definition.Kind kind, CueProgram program, String what)
      implements Template {

    @Override
    public TemplateResult evaluate(@Nullable JsonNode parameter, ObjectNode context) {
      Map<String, JsonNode> fills = new HashMap<>();
      fills.put("context", context);
      if (parameter != null && !parameter.isNull()) {
        fills.put("parameter", parameter);
      } else if (kind != Definition.Kind.TRAIT) {
        fills.put("parameter", Json.object()); // KubeVela's "parameter: {}" for components
      }
      CueValue root = program.evaluate(fills);
      List<String> errs = errs(root);
      if (!errs.isEmpty()) {
        return new TemplateResult(null, Map.of(), null, Map.of(), errs);
      }
      try {
        root.validate();
      } catch (CueException e) {
        throw new RenderException(CueDiagnostics.of(e, DiagnosticCodes.TEMPLATE_FAILED, what));
      }
      ObjectNode output = null;
      CueValue out = root.lookup("output");
      if (out.exists() && kind != Definition.Kind.TRAIT) {
        output = object(export(out, "output"), "output");
      }
      Map<String, ObjectNode> outputs = new LinkedHashMap<>();
      CueValue outs = root.lookup("outputs");
      if (outs.exists()) {
        JsonNode all = export(outs, "outputs");
        if (all.isObject()) {
          all.properties()
              .forEach(e -> outputs.put(e.getKey(), object(e.getValue(), "outputs." + e.getKey())));
        } else {
          throw fail("outputs must be a struct of objects", "outputs", all);
        }
      }
      Patch patch = null;
      CueValue pv = root.lookup("patch");
      if (pv.exists()) {
        patch = patch(root, pv, "patch");
      }
      Map<String, Patch> patchOutputs = new LinkedHashMap<>();
      CueValue pos = root.lookup("patchOutputs");
      if (pos.exists()) {
        for (String name : pos.fieldNames()) {
          patchOutputs.put(name, patch(root, pos.lookup(name), "patchOutputs." + name));
        }
      }
      return new TemplateResult(output, outputs, patch, patchOutputs, List.of());
    }

    private List<String> errs(CueValue root) {
      CueValue errs = root.lookup("errs");
      if (!errs.exists()) {
        return List.of();
      }
      JsonNode list;
      try {
        list = errs.export();
      } catch (CueException e) {
        if (CueDiagnostics.incompleteOnly(e)) {
          return List.of(); // an errs list that is not concrete reports nothing, as in KubeVela
        }
        throw new RenderException(CueDiagnostics.of(e, DiagnosticCodes.TEMPLATE_FAILED, what));
      }
      var out = new ArrayList<String>();
      if (list.isArray()) {
        list.forEach(e -> out.add(e.isTextual() ? e.textValue() : e.toString()));
      }
      return out;
    }

    private JsonNode export(CueValue v, String field) {
      try {
        return v.export();
      } catch (CueException e) {
        String code =
            CueDiagnostics.incompleteOnly(e)
                ? DiagnosticCodes.INCOMPLETE_OUTPUT
                : DiagnosticCodes.TEMPLATE_FAILED;
        throw new RenderException(CueDiagnostics.of(e, code, what + " (" + field + ")"));
      }
    }

    private ObjectNode object(JsonNode n, String field) {
      if (n instanceof ObjectNode o) {
        return o;
      }
      throw fail(field + " must be an object", field, n);
    }

    private RenderException fail(String message, String field, JsonNode found) {
      return new RenderException(
          Diagnostic.error(DiagnosticCodes.TEMPLATE_FAILED, what + ": " + message, null)
              .withFacts("an object at " + field, Json.describe(found)));
    }

    private Patch patch(CueValue root, CueValue pv, String field) {
      Map<String, String> own = Tags.parse(pv.docComments());
      String strategy = own.getOrDefault("patchStrategy", "");
      JsonNode value = export(pv, field);
      if ("jsonPatch".equals(strategy)) {
        return new Patch(Patch.Strategy.JSON_PATCH, value, Map.of(), Map.of());
      } else if ("jsonMergePatch".equals(strategy)) {
        return new Patch(Patch.Strategy.JSON_MERGE_PATCH, value, Map.of(), Map.of());
      }
      var directives = new TreeMap<String, Map<String, String>>();
      var constraints = new TreeMap<String, Patch.ElementConstraint>();
      walk(root, field, pv, value, "", directives, constraints);
      return new Patch(Patch.Strategy.STRATEGIC, value, directives, constraints);
    }

    /**
     * Collects the tags of every field below {@code v} and the element constraints of its open
     * lists. Fields whose label contains a dot cannot be looked up by path and are not visited
     * (such labels are map keys like {@code app.oam.dev/name}, never tagged).
     */
    private void walk(
        CueValue root,
        String path,
        CueValue v,
        JsonNode json,
        String pointer,
        Map<String, Map<String, String>> directives,
        Map<String, Patch.ElementConstraint> constraints) {
      if (json.isObject()) {
        for (var e : json.properties()) {
          if (e.getKey().indexOf('.') >= 0) {
            continue;
          }
          CueValue child = v.lookup(e.getKey());
          String p = Json.child(pointer, e.getKey());
          Map<String, String> tags = Tags.parse(child.docComments());
          if (!tags.isEmpty()) {
            directives.put(p, tags);
          }
          if (e.getValue().isContainerNode()) {
            walk(root, path + "." + e.getKey(), child, e.getValue(), p, directives, constraints);
          }
        }
      } else if (json.isArray()) {
        ArrayNode items = (ArrayNode) json;
        constraints.put(pointer, new ProbeConstraint(root, path, v, items, what));
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i).isContainerNode()) {
            walk(
                root,
                path + "." + i,
                v.lookup(String.valueOf(i)),
                items.get(i),
                pointer + "/" + i,
                directives,
                constraints);
          }
        }
      }
    }
  }

  /**
   * The element constraint of a CUE list, if it is open. Openness is told by unifying the list with
   * its own items plus one (a closed list rejects the extra item); that costs an evaluation, so it
   * is done only when asked, when a patch list is shorter than its target, and remembered. Applying
   * the constraint re-runs the template with the list filled with its own items followed by the
   * target's (what KubeVela's unification of the opened target with the patch amounts to) and reads
   * them back: values unified across programs would lose the element constraint.
   */
  private static final class ProbeConstraint implements Patch.ElementConstraint {
    private final CueValue root;
    private final String path;
    private final CueValue list;
    private final ArrayNode items;
    private final String what;
    private volatile @Nullable Boolean open;

    ProbeConstraint(CueValue root, String path, CueValue list, ArrayNode items, String what) {
      this.root = root;
      this.path = path;
      this.list = list;
      this.items = items;
      this.what = what;
    }

    @Override
    public boolean isOpen() {
      Boolean o = open;
      if (o == null) {
        ArrayNode probe = items.deepCopy();
        probe.add(Json.object());
        try {
          list.unify(PROBE.evaluate(Map.of("x", probe)).lookup("x")).validate();
          o = true;
        } catch (CueException e) {
          o = false; // closed: a longer target is a conflict, as in KubeVela
        }
        open = o;
      }
      return o;
    }

    @Override
    public List<JsonNode> unify(List<JsonNode> targetItems) {
      ArrayNode fill = items.deepCopy();
      targetItems.forEach(fill::add);
      JsonNode all;
      try {
        all = root.fill(path, fill).lookup(path).export();
      } catch (CueException e) {
        throw new IllegalArgumentException(what + ": " + e.errors().get(0).format(), e);
      }
      var out = new ArrayList<JsonNode>();
      for (int i = items.size(); i < all.size(); i++) {
        out.add(all.get(i));
      }
      return out;
    }
  }
}
