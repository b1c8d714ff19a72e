package io.vela4j.cue.internal.eval;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A run-time frame: a struct frame (the vertex a struct literal was scheduled into, and its lets)
 * or a clause/pattern frame (bindings). Frames correspond one to one to the compiler's scopes.
 */
final class Env {
  final @Nullable Env up;
  final @Nullable Vertex vertex;
  final Adt.@Nullable StructE lit;
  final @Nullable Map<String, Object> binds;
  @Nullable Map<String, Vertex> lets;

  private Env(
      @Nullable Env up,
      @Nullable Vertex vertex,
      Adt.@Nullable StructE lit,
      @Nullable Map<String, Object> binds) {
    this.up = up;
    this.vertex = vertex;
    this.lit = lit;
    this.binds = binds;
  }

  static Env struct(@Nullable Env up, Vertex v, Adt.StructE lit) {
    return new Env(up, v, lit, null);
  }

  static Env bind(@Nullable Env up, Map<String, Object> binds) {
    return new Env(up, null, null, binds);
  }

  static Env bind1(@Nullable Env up, String name, Object value) {
    Map<String, Object> m = new HashMap<>(2);
    m.put(name, value);
    return new Env(up, null, null, m);
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
}
