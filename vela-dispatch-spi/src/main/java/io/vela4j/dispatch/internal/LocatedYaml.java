package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.LocatedTree;
import io.vela4j.model.SourceLocation;
import io.vela4j.model.TreeResult;
import io.vela4j.model.VelaYaml;
import java.util.List;

/**
 * The dispatch file formats' view of {@link VelaYaml#readTrees}: multi-document YAML read into
 * Jackson trees with the position of every field path ({@code clusters[0].overrides[1].image}),
 * under the model reader's limits. Not API; thread-safe.
 */
public final class LocatedYaml {

  /**
   * One YAML document with the positions of its values.
   *
   * @param tree the document and its source map
   */
  public record Doc(LocatedTree tree) {
    /** The document. */
    public JsonNode root() {
      return tree.root();
    }

    /** A diagnostic located at {@code path} (or its nearest located ancestor) in this document. */
    public Diagnostic locate(Diagnostic d, String path) {
      SourceLocation loc = tree.sourceMap().locate(path);
      return d.withSource(tree.sourceMap().source()).at(loc.line(), loc.column());
    }
  }

  private LocatedYaml() {}

  /**
   * Parses every document of a YAML text; empty documents are left out.
   *
   * @param text the YAML
   * @param source the name used in diagnostics
   * @return the documents, in order
   * @throws DispatchException listing every syntax, limit or duplicate-key problem, located
   */
  public static List<Doc> read(String text, String source) {
    TreeResult r = VelaYaml.reader().readTrees(source, text);
    if (r.hasErrors()) {
      throw new DispatchException(r.diagnostics());
    }
    return r.trees().stream().map(Doc::new).toList();
  }
}
