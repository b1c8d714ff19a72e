package io.vela4j.render;

import io.vela4j.model.VelaYaml;
import io.vela4j.render.RenderResult.PlacementDecision;
import io.vela4j.render.RenderResult.RenderedObject;

/**
 * Writes a {@link RenderResult} as {@code vela dry-run} prints it: one YAML document per object
 * (sorted keys), each preceded by {@code ---} and a comment naming the application, the component
 * and, when a deploy step placed it, the cluster ({@code # Application(shop) -- Component(web) --
 * Cluster(eu-1)}); objects added by a trait also by {@code ## From the trait <type>}. Objects of
 * custom policy types come last ({@code # Application(shop) -- Policy(<name>)}). This is the text
 * of {@code vela4j dry-run} and of the Maven plugin's {@code vela:render}. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * Files.writeString(Path.of("target/vela/shop.yaml"), DryRunWriter.write(renderer.render(app, options)));
 * }</pre>
 */
public final class DryRunWriter {

  /** The first line of the comment before each document of an Application's objects. */
  public static final String APPLICATION_HEADER = "# Application(";

  private DryRunWriter() {}

  /**
   * The dry-run text of one render.
   *
   * @param result the render
   * @return multi-document YAML, empty when nothing was rendered
   */
  public static String write(RenderResult result) {
    var sb = new StringBuilder();
    boolean deployment = result.steps().stream().anyMatch(s -> s.type().equals("appdeployment"));
    for (RenderResult.Step step : result.steps()) {
      boolean placed = !step.type().equals("apply-component");
      for (PlacementDecision p : step.placements()) {
        for (RenderedObject o : p.objects()) {
          sb.append("---\n# ");
          if (deployment) {
            sb.append("AppDeployment(")
                .append(result.application())
                .append(") -- Revision(")
                .append(step.name())
                .append(')');
          } else {
            sb.append("Application(").append(result.application()).append(')');
          }
          sb.append(" -- Component(").append(o.component()).append(')');
          if (placed) {
            sb.append(" -- Cluster(").append(p.cluster()).append(')');
          }
          sb.append('\n');
          if (o.role() == RenderResult.Role.TRAIT) {
            sb.append("## From the trait ").append(o.trait()).append('\n');
          } else if (o.role() == RenderResult.Role.AUXILIARY) {
            sb.append("## From the auxiliary workload\n");
          }
          sb.append(VelaYaml.write(o.object()));
        }
      }
    }
    for (RenderedObject o : result.policyObjects()) {
      sb.append("---\n")
          .append(APPLICATION_HEADER)
          .append(result.application())
          .append(") -- Policy(")
          .append(o.component())
          .append(")\n");
      sb.append(VelaYaml.write(o.object()));
    }
    return sb.toString();
  }
}
