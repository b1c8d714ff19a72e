package io.vela4j.model;

import java.util.List;

/**
 * Reads and writes KubeVela objects as JSON (reading: see {@link VelaReader}).
 *
 * <p>Writing is deterministic: keys sorted, empty collections and nulls left out, several objects
 * written as a {@code kind: List}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VelaJson extends VelaReader {
  private static final VelaJson DEFAULT = new VelaJson(ReadOptions.DEFAULTS);

  private VelaJson(ReadOptions options) {
    super(options, false);
  }

  /** A reader with {@link ReadOptions#DEFAULTS}. */
  public static VelaJson reader() {
    return DEFAULT;
  }

  /** A reader with the given options. */
  public static VelaJson reader(ReadOptions options) {
    return new VelaJson(options);
  }

  /** Writes one object. */
  public static String write(Object object) {
    return writeAll(List.of(object));
  }

  /** Writes objects in the given order; several objects become a {@code kind: List}. */
  public static String writeAll(List<?> objects) {
    return Codec.writeJson(objects);
  }
}
