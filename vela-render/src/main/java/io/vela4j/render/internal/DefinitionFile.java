package io.vela4j.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.ParseResult;
import io.vela4j.model.SourceLocation;
import io.vela4j.model.VelaJson;
import io.vela4j.model.oam.Oam;
import io.vela4j.render.Definition;
import io.vela4j.render.RenderException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads KubeVela's definition-file format, as {@code vela def} reads and writes it: optional
 * imports, one top-level field named after the definition holding {@code type} ({@code component},
 * {@code trait}, {@code policy}, {@code workflow-step}), {@code description}, {@code annotations},
 * {@code labels}, {@code alias} and {@code attributes}, then {@code template: {...}}.
 *
 * <p>As {@code vela def} does, the attributes become the definition's {@code spec}, the description
 * and alias become the annotations {@code definition.oam.dev/description} and {@code
 * definition.oam.dev/alias}, and the template's body (with the file's imports) becomes {@code
 * spec.schematic.cue.template}. The metadata block is evaluated with CUE; the template is not
 * evaluated here. The compiled text keeps the file's line and column of every character, so
 * template errors point into the file.
 */
public final class DefinitionFile {
  private DefinitionFile() {}

  /**
   * Reads one definition file.
   *
   * @param source the file name, used in locations
   * @param text the file's content
   * @return the definition
   * @throws RenderException ({@code INVALID_DEFINITION}) when the file is malformed
   */
  public static Definition read(String source, String text) {
    List<CueScan.Decl> decls;
    try {
      decls = CueScan.scan(text);
    } catch (CueScan.ScanException e) {
      throw invalid(source, text, e.offset, e.getMessage());
    }
    CueScan.Decl template = null;
    CueScan.Decl meta = null;
    var imports = new ArrayList<CueScan.Decl>();
    for (CueScan.Decl d : decls) {
      if (d.isImport()) {
        imports.add(d);
      } else if (d.label().equals("template")) {
        template = d;
      } else if (meta == null && !d.label().startsWith("#") && !d.label().startsWith("_")) {
        meta = d;
      }
    }
    if (meta == null) {
      throw invalid(source, text, 0, "no definition block (name: {type: ..., attributes: ...})");
    }
    if (template == null || template.valueStart() >= template.valueEnd()) {
      throw invalid(
          source, text, meta.start(), "no template: {...} block after the definition block");
    }
    // template: {...} as vela def writes it, or the shorthand template: output: {...}
    boolean braces = text.charAt(template.valueStart()) == '{';
    int bodyStart = braces ? template.valueStart() + 1 : template.valueStart();
    int bodyEnd =
        braces ? CueScan.matchingBracket(text, template.valueStart()) : template.valueEnd();

    // the metadata: the file with the template's body blanked, evaluated
    char[] metaText = text.toCharArray();
    if (braces) {
      blank(metaText, bodyStart, bodyEnd);
    } else {
      blank(metaText, template.start(), template.valueEnd());
    }
    // KubeVela's provider packages (vela/op, vela/kube, ...) are not CUE packages vela-cue knows,
    // and the definition block never uses them: leave them to the engine that runs the template
    for (CueScan.Decl imp : imports) {
      if (text.substring(imp.start(), imp.valueEnd()).contains("\"vela/")) {
        blank(metaText, imp.start(), imp.valueEnd());
      }
    }
    JsonNode metadata;
    try {
      JsonNode root =
          CueCompiler.create().compile(source, new String(metaText)).evaluate().export();
      metadata = root.get(meta.label());
    } catch (CueException e) {
      List<Diagnostic> ds =
          CueDiagnostics.of(e, RenderException.INVALID_DEFINITION, "definition block");
      throw new RenderException(ds);
    }
    if (!(metadata instanceof ObjectNode m)) {
      throw invalid(source, text, meta.start(), "the definition block must be a struct");
    }

    // the template: imports and body kept in place, everything else blanked
    char[] compiled = new char[text.length()];
    blank(compiled, 0, compiled.length, text);
    for (CueScan.Decl imp : imports) {
      text.getChars(imp.start(), imp.valueEnd(), compiled, imp.start());
    }
    text.getChars(bodyStart, bodyEnd, compiled, bodyStart);
    var stored = new StringBuilder();
    for (CueScan.Decl imp : imports) {
      stored.append(text, imp.start(), imp.valueEnd()).append('\n');
    }
    if (!imports.isEmpty()) {
      stored.append('\n');
    }
    stored.append(dedent(text.substring(bodyStart, bodyEnd)));

    String name = meta.label();
    SourceLocation at = locate(source, text, meta.start());
    HasMetadata object = bind(source, at, name, m, stored.toString());
    return new Definition(Definition.Kind.of(object), name, object, at, new String(compiled));
  }

  private static HasMetadata bind(
      String source, SourceLocation at, String name, ObjectNode meta, String template) {
    String type = meta.path("type").asText("");
    String kind =
        switch (type) {
          case "component" -> "ComponentDefinition";
          case "trait" -> "TraitDefinition";
          case "policy" -> "PolicyDefinition";
          case "workflow-step" -> "WorkflowStepDefinition";
          case "workload" -> "WorkloadDefinition";
          default -> null;
        };
    if (kind == null) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_DEFINITION,
                  "unsupported definition type '" + type + "'",
                  name + ".type")
              .withFacts(
                  "component, trait, policy or workflow-step", type.isEmpty() ? "nothing" : type)
              .withSource(source)
              .at(at.line(), at.column()));
    }
    ObjectNode obj = Json.object();
    obj.put("apiVersion", Oam.API_VERSION);
    obj.put("kind", kind);
    ObjectNode md = obj.putObject("metadata");
    md.put("name", name);
    ObjectNode annotations = Json.object();
    if (meta.get("annotations") instanceof ObjectNode a) {
      annotations.setAll(a);
    }
    String description = meta.path("description").asText("");
    if (!description.isEmpty()) {
      annotations.put(Definition.DESCRIPTION_ANNOTATION, description);
    }
    String alias = meta.path("alias").asText("");
    if (!alias.isEmpty()) {
      annotations.put("definition.oam.dev/alias", alias);
    }
    if (!annotations.isEmpty()) {
      md.set("annotations", annotations);
    }
    if (meta.get("labels") instanceof ObjectNode l && !l.isEmpty()) {
      md.set("labels", l);
    }
    ObjectNode spec =
        meta.get("attributes") instanceof ObjectNode attrs ? attrs.deepCopy() : Json.object();
    if (kind.equals("ComponentDefinition") && !spec.has("workload")) {
      spec.putObject("workload").put("type", "autodetects.core.oam.dev");
    }
    spec.putObject("schematic").putObject("cue").put("template", template);
    obj.set("spec", spec);
    ParseResult r = VelaJson.reader().parse(source, Json.canonical(obj));
    List<Diagnostic> errors = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      if (d.isError()) {
        String path = d.path();
        if (path != null && path.startsWith("spec")) {
          path = name + ".attributes" + path.substring(4);
        }
        errors.add(
            new Diagnostic(
                d.severity(),
                RenderException.INVALID_DEFINITION,
                d.message(),
                source,
                at.line(),
                at.column(),
                path,
                d.expected(),
                d.actual()));
      }
    }
    if (!errors.isEmpty() || r.documents().isEmpty()) {
      throw new RenderException(
          errors.isEmpty()
              ? List.of(
                  Diagnostic.error(RenderException.INVALID_DEFINITION, "not a definition", name)
                      .withSource(source)
                      .at(at.line(), at.column()))
              : errors);
    }
    return r.documents().get(0).object();
  }

  /** Replaces every character of {@code [from, to)} but line breaks by a space. */
  private static void blank(char[] chars, int from, int to) {
    for (int k = from; k < to; k++) {
      if (chars[k] != '\n' && chars[k] != '\r') {
        chars[k] = ' ';
      }
    }
  }

  private static void blank(char[] chars, int from, int to, String like) {
    for (int k = from; k < to; k++) {
      char c = like.charAt(k);
      chars[k] = c == '\n' || c == '\r' ? c : ' ';
    }
  }

  /** Removes the indentation common to every non-blank line, and leading/trailing blank lines. */
  static String dedent(String body) {
    List<String> lines = Tags.split(body, '\n');
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int k = 0;
        while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) {
          k++;
        }
        common = Math.min(common, k);
      }
    }
    var sb = new StringBuilder();
    for (String l : lines) {
      if (sb.isEmpty() && l.isBlank()) {
        continue;
      }
      sb.append(l.isBlank() ? "" : l.substring(Math.min(common, l.length()))).append('\n');
    }
    String out = sb.toString();
    while (out.endsWith("\n\n")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  static SourceLocation locate(@Nullable String source, String text, int offset) {
    int line = 1;
    int col = 1;
    for (int k = 0; k < offset && k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new SourceLocation(source, line, col);
  }

  private static RenderException invalid(String source, String text, int offset, String message) {
    SourceLocation at = locate(source, text, offset);
    return new RenderException(
        Diagnostic.error(RenderException.INVALID_DEFINITION, message, null)
            .withSource(source)
            .at(at.line(), at.column()));
  }
}
