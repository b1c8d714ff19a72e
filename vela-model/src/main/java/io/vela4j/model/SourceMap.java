package io.vela4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where each field of a parsed document was written: field path ({@code
 * spec.components[1].traits[0].type}) to source position. Immutable.
 */
public final class SourceMap {
  private final @Nullable String source;
  private final Map<String, int[]> positions;
  private final Map<String, int[]> keyPositions;

  /**
   * A map built by the codec; values are {@code {line, column}}: {@code positions} of values
   * (scalars) or of keys (objects, lists), {@code keyPositions} of the keys of object members.
   */
  SourceMap(
      @Nullable String source, Map<String, int[]> positions, Map<String, int[]> keyPositions) {
    this.source = source;
    this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    this.keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
  }

  /** An empty map for objects that were not parsed from text. */
  public static SourceMap empty(@Nullable String source) {
    return new SourceMap(source, Map.of(), Map.of());
  }

  /**
   * The position of the key of the object member at {@code path} (where a problem with the field
   * itself, such as an unknown name, is best shown), else {@link #locate(String)}.
   */
  public SourceLocation locateKey(String path) {
    int[] pos = keyPositions.get(path);
    return pos == null ? locate(path) : new SourceLocation(source, pos[0], pos[1]);
  }

  /** The source name, or {@code null}. */
  public @Nullable String source() {
    return source;
  }

  /**
   * The position of {@code path}, or of its nearest enclosing path that has one (so a missing field
   * is reported where its parent object starts), or {@link SourceLocation#UNKNOWN}'s position.
   */
  public SourceLocation locate(@Nullable String path) {
    String p = path == null ? "" : path;
    while (true) {
      int[] pos = positions.get(p);
      if (pos != null) {
        return new SourceLocation(source, pos[0], pos[1]);
      }
      if (p.isEmpty()) {
        return new SourceLocation(source, 0, 0);
      }
      p = parent(p);
    }
  }

  /** Whether {@code path} itself was present in the input. */
  public boolean contains(String path) {
    return positions.containsKey(path);
  }

  /** The last line on which a recorded path starts, or 0. */
  int lastLine() {
    int max = 0;
    for (int[] p : positions.values()) {
      max = Math.max(max, p[0]);
    }
    return max;
  }

  /** The number of recorded paths. */
  public int size() {
    return positions.size();
  }

  /**
   * A copy of {@code d} with this map's source and the position of {@code d.path()}: of its key for
   * {@code UNKNOWN_FIELD} and {@code DUPLICATE_KEY}, of its value otherwise.
   */
  public Diagnostic locate(Diagnostic d) {
    boolean aboutTheKey =
        d.code().equals(DiagnosticCodes.UNKNOWN_FIELD)
            || d.code().equals(DiagnosticCodes.DUPLICATE_KEY);
    var loc = aboutTheKey && d.path() != null ? locateKey(d.path()) : locate(d.path());
    return d.withSource(source).at(loc.line(), loc.column());
  }

  /** The sub-map of the object at {@code prefix}, with paths relative to it. */
  SourceMap rebase(String prefix) {
    return new SourceMap(source, rebase(positions, prefix), rebase(keyPositions, prefix));
  }

  private static Map<String, int[]> rebase(Map<String, int[]> map, String prefix) {
    var sub = new LinkedHashMap<String, int[]>();
    map.forEach(
        (k, v) -> {
          if (k.equals(prefix)) {
            sub.put("", v);
          } else if (k.startsWith(prefix + ".")) {
            sub.put(k.substring(prefix.length() + 1), v);
          } else if (k.startsWith(prefix + "[")) {
            sub.put(k.substring(prefix.length()), v);
          }
        });
    return sub;
  }

  static String parent(String path) {
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      // a quoted key may itself contain '[': find the bracket that starts this segment
      if (path.endsWith("\"]")) {
        open = path.lastIndexOf("[\"");
      }
      return open <= 0 ? "" : path.substring(0, open);
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
