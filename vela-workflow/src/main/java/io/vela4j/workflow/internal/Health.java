package io.vela4j.workflow.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.Renderer;
import io.vela4j.workflow.ClusterState;
import org.jspecify.annotations.Nullable;

/**
 * A deployed component's health, from its definitions' health policies (vela-render). With a live
 * provider the objects are read from the cluster. Offline they come from the cluster state (with
 * what the run applied laid over it); a component whose objects the state does not hold is taken as
 * healthy unless the options ask for strict health, as an offline run cannot know better.
 */
final class Health {
  private Health() {}

  /**
   * Why a component is not healthy.
   *
   * @return a reason, or {@code null} when it is healthy
   */
  static @Nullable String unhealthy(RunState rs, DeliveryTarget target, RenderedComponent c) {
    if (!rs.provider.live()) {
      boolean allObserved = true;
      for (RenderedObject o : c.objects()) {
        if (rs.observed(target, ClusterState.keyOf(withNamespace(o))).isEmpty()) {
          allObserved = false;
        }
      }
      if (!allObserved) {
        return rs.options.strictHealth()
            ? c.name() + " is not in the cluster state of " + target.display()
            : null;
      }
    }
    try {
      Renderer.Health h =
          rs.renderer.health(
              c,
              o -> {
                var key = ClusterState.keyOf(withNamespace(o));
                return (rs.provider.live()
                        ? rs.provider.read(target, key, rs)
                        : rs.get(target, key))
                    .orElse(null);
              });
      if (h.healthy()) {
        return null;
      }
      return c.name() + (h.message().isEmpty() ? " is not healthy" : ": " + h.message());
    } catch (RenderException e) {
      return c.name() + ": " + e.diagnostics().get(0).message();
    }
  }

  private static ObjectNode withNamespace(RenderedObject o) {
    ObjectNode obj = o.object();
    Actions.defaultNamespace(obj);
    return obj;
  }
}
