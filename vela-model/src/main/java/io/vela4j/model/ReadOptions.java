package io.vela4j.model;

/**
 * Options of {@link VelaYaml} and {@link VelaJson} readers: strictness and the limits that keep
 * hostile input (alias bombs, deep nesting, huge documents) from exhausting time or memory.
 * Immutable; use the {@code with...} methods to derive a copy.
 *
 * @param strict report unknown fields as errors instead of warnings
 * @param maxInputBytes the largest input accepted, in bytes (default 16 MiB)
 * @param maxNestingDepth the deepest nesting of objects and lists (default 256)
 * @param maxNodes the most values (scalars, objects, lists) in one input, aliases expanded (default
 *     2,000,000)
 * @param maxStringLength the longest scalar, in characters (default 4 MiB)
 * @param maxLineLength the longest line of YAML block text, in characters (default 256 KiB): the
 *     YAML scanner is quadratic in line length. Input that starts with <code>{</code> or <code>[
 *     </code> is read as JSON, which has no such limit.
 */
public record ReadOptions(
    boolean strict,
    long maxInputBytes,
    int maxNestingDepth,
    long maxNodes,
    int maxStringLength,
    int maxLineLength) {

  /** Defaults: lenient, 16 MiB, depth 256, 2,000,000 nodes, 4 MiB strings, 256 KiB lines. */
  public static final ReadOptions DEFAULTS =
      new ReadOptions(false, 16L << 20, 256, 2_000_000L, 4 << 20, 256 << 10);

  /** Checks the limits are positive. */
  public ReadOptions {
    if (maxInputBytes <= 0
        || maxNestingDepth <= 0
        || maxNodes <= 0
        || maxStringLength <= 0
        || maxLineLength <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** A copy with the given strictness. */
  public ReadOptions withStrict(boolean newStrict) {
    return new ReadOptions(
        newStrict, maxInputBytes, maxNestingDepth, maxNodes, maxStringLength, maxLineLength);
  }

  /** A copy with the given input size limit. */
  public ReadOptions withMaxInputBytes(long limit) {
    return new ReadOptions(
        strict, limit, maxNestingDepth, maxNodes, maxStringLength, maxLineLength);
  }

  /** A copy with the given nesting limit. */
  public ReadOptions withMaxNestingDepth(int limit) {
    return new ReadOptions(strict, maxInputBytes, limit, maxNodes, maxStringLength, maxLineLength);
  }

  /** A copy with the given node limit. */
  public ReadOptions withMaxNodes(long limit) {
    return new ReadOptions(
        strict, maxInputBytes, maxNestingDepth, limit, maxStringLength, maxLineLength);
  }

  /** A copy with the given line length limit. */
  public ReadOptions withMaxLineLength(int limit) {
    return new ReadOptions(
        strict, maxInputBytes, maxNestingDepth, maxNodes, maxStringLength, limit);
  }
}
