package io.vela4j.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.rollout.internal.LocatedTree;
import io.vela4j.rollout.internal.SpecBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
    var tree = LocatedTree.parse(content, sourceName);
    return SpecBinder.bind(tree.root(), tree::locate);
  }

  /**
   * Reads a spec from a UTF-8 stream (not closed).
   *
   * @throws RolloutException listing every problem, located
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static RolloutSpec read(InputStream in, String sourceName) {
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds an already parsed tree (diagnostics carry field paths, no positions).
   *
   * @throws RolloutException listing every problem
   */
  public static RolloutSpec fromTree(JsonNode root) {
    return SpecBinder.bind(root, d -> d);
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
