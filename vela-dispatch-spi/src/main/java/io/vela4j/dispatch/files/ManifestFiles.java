package io.vela4j.dispatch.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.Manifest;
import io.vela4j.dispatch.internal.LocatedYaml;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the manifests file of {@code vela4j dispatch plan -f}: multi-document YAML (or JSON) of
 * Kubernetes objects, such as the output of {@code vela4j dry-run}. Empty documents and comments
 * are skipped; {@code kind: List} (and {@code *List}) documents are flattened into their {@code
 * items}. Stateless.
 */
public final class ManifestFiles {

  private ManifestFiles() {}

  /**
   * Parses manifests.
   *
   * @param text the YAML text
   * @param source the file name used in diagnostics
   * @param defaultNamespace the namespace given to objects without one, unless their kind is known
   *     to be cluster-scoped (built-in kinds and kinds of CRDs in the same text); {@code null} to
   *     leave them alone
   * @param scopes the kind table
   * @return the manifests, in file order
   * @throws DispatchException listing every problem with file:line:column
   */
  public static List<Manifest> read(
      String text, String source, @Nullable String defaultNamespace, ResourceScopes scopes) {
    List<LocatedYaml.Doc> docs = LocatedYaml.read(text, source);
    var errors = new ArrayList<Diagnostic>();
    var objects = new ArrayList<JsonNode>();
    var where = new ArrayList<LocatedYaml.Doc>();
    var paths = new ArrayList<String>();
    for (int i = 0; i < docs.size(); i++) {
      LocatedYaml.Doc doc = docs.get(i);
      JsonNode root = doc.root();
      if (root == null) {
        continue;
      }
      if (!root.isObject()) {
        errors.add(
            doc.locate(
                Diagnostic.error(
                        "NOT_AN_OBJECT", "document #" + (i + 1) + " is not a Kubernetes object", "")
                    .withFacts("a mapping with apiVersion, kind, metadata", nodeType(root)),
                ""));
        continue;
      }
      JsonNode items = root.get("items");
      String kind = root.path("kind").asText("");
      if (kind.endsWith("List") && items != null && items.isArray()) {
        for (int j = 0; j < items.size(); j++) {
          objects.add(items.get(j));
          where.add(doc);
          paths.add("items[" + j + "]");
        }
      } else {
        objects.add(root);
        where.add(doc);
        paths.add("");
      }
    }
    var parsed = new ArrayList<Manifest>();
    for (int i = 0; i < objects.size(); i++) {
      try {
        parsed.add(Manifest.of(objects.get(i)));
      } catch (DispatchException e) {
        for (Diagnostic d : e.diagnostics()) {
          String base = paths.get(i);
          String field = d.path() == null ? "" : d.path();
          String full = base.isEmpty() ? field : field.isEmpty() ? base : base + "." + field;
          errors.add(where.get(i).locate(d, full.isEmpty() ? base : full));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new DispatchException(errors);
    }
    ResourceScopes all = scopes.withCrds(Manifest.crds(parsed));
    var out = new ArrayList<Manifest>(parsed.size());
    for (Manifest m : parsed) {
      if (m.key().namespace() == null && defaultNamespace != null) {
        var scope = all.find(m.key().group(), m.key().kind());
        if (scope.isEmpty() || scope.get().namespaced()) {
          ObjectNode body = m.body();
          body.withObject("/metadata").put("namespace", defaultNamespace);
          m = Manifest.of(body);
        }
      }
      out.add(Manifest.of(m.body(), all));
    }
    return List.copyOf(out);
  }

  static String nodeType(JsonNode n) {
    return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
