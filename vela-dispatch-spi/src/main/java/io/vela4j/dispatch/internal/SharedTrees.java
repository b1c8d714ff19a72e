package io.vela4j.dispatch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.Manifest;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Read access, without a copy, to the tree of a {@link Manifest} for the planners in other packages
 * (an OCM ManifestWork embeds its manifests' trees). Trees obtained here are shared by immutable
 * values and must never be modified. Not API; thread-safe.
 */
public final class SharedTrees {
  private static volatile @Nullable Function<Manifest, ObjectNode> access;

  private SharedTrees() {}

  /**
   * Called once, by {@link Manifest}'s class initialiser.
   *
   * @param manifestTree reads a manifest's tree
   */
  public static void install(Function<Manifest, ObjectNode> manifestTree) {
    if (access != null) {
      throw new IllegalStateException("already installed");
    }
    access = manifestTree;
  }

  /**
   * The manifest's normalized tree itself (keys sorted), not a copy.
   *
   * @param m the manifest
   * @return its tree, never to be modified
   */
  public static ObjectNode of(Manifest m) {
    Function<Manifest, ObjectNode> a = access;
    if (a == null) {
      throw new IllegalStateException("Manifest is not initialised");
    }
    return a.apply(m);
  }
}
