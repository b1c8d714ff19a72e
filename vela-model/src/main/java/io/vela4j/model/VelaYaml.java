package io.vela4j.model;

import java.util.List;

/**
 * Reads and writes KubeVela objects as YAML (reading: see {@link VelaReader}).
 *
 * <p>Writing is deterministic: keys sorted, empty collections and nulls left out, {@code ---}
 * between documents.
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
}
