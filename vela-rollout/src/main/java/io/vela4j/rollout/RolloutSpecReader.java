package io.vela4j.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.DiagnosticCodes;
import io.vela4j.model.FieldReader;
import io.vela4j.model.LocatedTree;
import io.vela4j.model.TreeResult;
import io.vela4j.model.VelaYaml;
import io.vela4j.rollout.internal.SpecBinder;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the rollout spec file format (YAML or JSON; the field names of {@link RolloutSpec}, enum
 * values also in KubeVela's spelling such as {@code IncreaseFirst}). Stateless and thread-safe.
 *
 * <p>Every problem (syntax, duplicate keys, unknown fields, wrong types, invalid values) is
 * reported in one {@link RolloutException} whose diagnostics carry the source name, line, column
 * and field path.
 */
public final class RolloutSpecReader {
  private RolloutSpecReader() {}

  /**
   * Reads a spec from text.
   *
   * @param content YAML or JSON
   * @param sourceName the file name shown in diagnostics
   * @throws RolloutException listing every problem, located
   */
  public static RolloutSpec read(String content, String sourceName) {
    return bind(VelaYaml.reader().readTrees(sourceName, content), sourceName);
  }

  private static RolloutSpec bind(TreeResult read, String sourceName) {
    if (read.hasErrors()) {
      throw new RolloutException(read.diagnostics());
    }
    List<LocatedTree> trees = read.trees();
    if (trees.isEmpty()) {
      throw new RolloutException(
          List.of(
              Diagnostic.error(DiagnosticCodes.EMPTY_DOCUMENT, "the file is empty", null)
                  .withSource(sourceName)));
    }
    if (trees.size() > 1) {
      var second = trees.get(1).sourceMap().locate("");
      throw new RolloutException(
          List.of(
              Diagnostic.error(
                      DiagnosticCodes.INVALID_DOCUMENT_COUNT, "expected a single document", null)
                  .withSource(sourceName)
                  .at(second.line(), second.column())));
    }
    LocatedTree tree = trees.get(0);
    return SpecBinder.bind(FieldReader.of(tree), tree.root());
  }

  /**
   * Reads a spec from a UTF-8 stream (not closed); read errors are reported as diagnostics.
   *
   * @throws RolloutException listing every problem, located
   */
  public static RolloutSpec read(InputStream in, String sourceName) {
    return bind(VelaYaml.reader().readTrees(sourceName, in), sourceName);
  }

  /**
   * Binds an already parsed tree (diagnostics carry field paths, no positions).
   *
   * @throws RolloutException listing every problem
   */
  public static RolloutSpec fromTree(JsonNode root) {
    return SpecBinder.bind(FieldReader.unlocated(), root);
  }

  /** Formats every diagnostic of an exception, one per line (what the CLI prints). */
  public static String describe(RolloutException e) {
    var sb = new StringBuilder();
    for (Diagnostic d : e.diagnostics()) {
      sb.append(d.format()).append('\n');
    }
    return sb.toString();
  }
}
