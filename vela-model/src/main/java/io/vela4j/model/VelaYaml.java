package io.vela4j.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads and writes KubeVela objects as YAML (reading: see {@link VelaReader}).
 *
 * <p>Writing is deterministic and is the SDK's one YAML writer (plans, rendered manifests, CLI and
 * Maven plugin output all go through it): {@link #write} and {@link #writeAll} sort keys and leave
 * out empty collections and nulls, {@link #writeTree} keeps a tree's own key order; all write no
 * {@code ---} before the first document, quote strings that would read back as numbers, write
 * multi-line strings as literal blocks and never fold long lines.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VelaYaml extends VelaReader {
  private static final VelaYaml DEFAULT = new VelaYaml(ReadOptions.DEFAULTS);

  private VelaYaml(ReadOptions options) {
    super(options, true);
  }

  /** A reader with {@link ReadOptions#DEFAULTS}. */
  public static VelaYaml reader() {
    return DEFAULT;
  }

  /** A reader with the given options. */
  public static VelaYaml reader(ReadOptions options) {
    return new VelaYaml(options);
  }

  /** Writes one object. */
  public static String write(Object object) {
    return writeAll(List.of(object));
  }

  /** Writes objects in the given order, separated by {@code ---}. */
  public static String writeAll(List<?> objects) {
    return Codec.writeYaml(objects);
  }

  /**
   * Writes a JSON tree as one YAML document, keys in the tree's own order (for documents whose
   * field order is part of their format, such as a rollout plan; use {@link #write} to sort).
   *
   * @param tree the tree
   * @return the YAML text, ending with a newline, without a {@code ---} marker
   */
  public static String writeTree(JsonNode tree) {
    return Codec.writeYamlTree(tree);
  }
}
