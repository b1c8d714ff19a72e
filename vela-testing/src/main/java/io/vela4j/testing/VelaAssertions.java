package io.vela4j.testing;

import io.vela4j.render.RenderResult;
import io.vela4j.render.RenderResult.RenderedObject;

/**
 * AssertJ entry points for rendered applications; import statically next to AssertJ's own {@code
 * assertThat}:
 *
 * <pre>{@code
 * assertThat(result).containsManifest("Deployment", "web");
 * assertThat(result).forComponent("web").manifest("Deployment", "web")
 *     .hasReplicas(3)
 *     .hasImage("nginx:1.27")
 *     .hasLabel("app.oam.dev/component", "web")
 *     .hasPath("spec.template.spec.containers[0].ports[0].containerPort", 8080);
 * }</pre>
 */
public final class VelaAssertions {
  private VelaAssertions() {}

  /**
   * Assertions on a render.
   *
   * @param actual the render
   * @return the assertions
   */
  public static RenderResultAssert assertThat(RenderResult actual) {
    return new RenderResultAssert(actual);
  }

  /**
   * Assertions on one rendered object.
   *
   * @param actual the object
   * @return the assertions
   */
  public static ManifestAssert assertThat(RenderedObject actual) {
    return new ManifestAssert(actual);
  }
}
