package io.vela4j.cue.internal.eval;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A run-time frame: a struct frame (the vertex a struct literal was scheduled into, and its lets)
 * or a clause/pattern frame (bindings). Frames correspond one to one to the compiler's scopes.
 */
class Env {
  final @Nullable Env up;
  final @Nullable Vertex vertex;
  final Adt.@Nullable StructE lit;
  @Nullable Map<String, Vertex> lets;

  private Env(@Nullable Env up, @Nullable Vertex vertex, Adt.@Nullable StructE lit) {
    this.up = up;
    this.vertex = vertex;
    this.lit = lit;
  }

  static Env struct(@Nullable Env up, Vertex v, Adt.StructE lit) {
    return new Env(up, v, lit);
  }

  /** A frame binding one name. */
  static Env bind(@Nullable Env up, String name, Object value) {
    return new Bound(up, name, value, null, null);
  }

  /** A frame binding two names (a {@code for}'s key and value). */
  static Env bind(@Nullable Env up, String name1, Object value1, String name2, Object value2) {
    return new Bound(up, name1, value1, name2, value2);
  }

  /** The value bound to a name in this frame, or null (a struct frame binds none). */
  @Nullable Object bound(String name) {
    return null;
  }

  Env at(int n) {
    Env e = this;
    for (int i = 0; i < n; i++) {
      if (e.up == null) {
        throw new IllegalStateException("frame underflow");
      }
      e = e.up;
    }
    return e;
  }

  /**
   * A clause or pattern frame: it binds one or two names (a {@code for}'s key and value, a {@code
   * let} clause, a pattern's label alias), kept in fields and found by comparing names, without a
   * map per iteration of a comprehension.
   */
  private static final class Bound extends Env {
    private final String name1;
    private final Object value1;
    private final @Nullable String name2;
    private final @Nullable Object value2;

    Bound(
        @Nullable Env up,
        String name1,
        Object value1,
        @Nullable String name2,
        @Nullable Object value2) {
      super(up, null, null);
      this.name1 = name1;
      this.value1 = value1;
      this.name2 = name2;
      this.value2 = value2;
    }

    @Override
    @Nullable Object bound(String name) {
      if (name.equals(name1)) {
        return value1;
      }
      if (name.equals(name2)) {
        return value2;
      }
      return null;
    }
  }
}
