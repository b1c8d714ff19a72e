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

  /** A map built by the codec; {@code positions} values are {@code {line, column}}. */
  SourceMap(@Nullable String source, Map<String, int[]> positions) {
    this.source = source;
    this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
  }

  /** An empty map for objects that were not parsed from text. */
  public static SourceMap empty(@Nullable String source) {
    return new SourceMap(source, Map.of());
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

  /** A copy of {@code d} with this map's source and the position of {@code d.path()}. */
  public Diagnostic locate(Diagnostic d) {
    var loc = locate(d.path());
    return d.withSource(source).at(loc.line(), loc.column());
  }

  /** The sub-map of the object at {@code prefix}, with paths relative to it. */
  SourceMap rebase(String prefix) {
    var sub = new LinkedHashMap<String, int[]>();
    positions.forEach(
        (k, v) -> {
          if (k.equals(prefix)) {
            sub.put("", v);
          } else if (k.startsWith(prefix + ".")) {
            sub.put(k.substring(prefix.length() + 1), v);
          } else if (k.startsWith(prefix + "[")) {
            sub.put(k.substring(prefix.length()), v);
          }
        });
    return new SourceMap(source, sub);
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
