package io.vela4j.model.oam;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vela4j.model.internal.Copies;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a definition produces resources: a CUE template, or the legacy {@code kube} template (removed
 * from KubeVela in 1.9, kept by Vela4J). {@code helm} and {@code terraform} are carried as
 * free-form JSON: Vela4J does not render them.
 *
 * @param cue a CUE template
 * @param kube a plain Kubernetes object with parameter field paths
 * @param helm a Helm release (not rendered by Vela4J)
 * @param terraform a Terraform configuration (not rendered by Vela4J)
 */
public record Schematic(
    @Nullable Cue cue, @Nullable Kube kube, @Nullable JsonNode helm, @Nullable JsonNode terraform) {

  /** A CUE schematic with the given template text. */
  public static Schematic cue(String template) {
    return new Schematic(new Cue(template), null, null, null);
  }

  /** {@code schematic.cue}. @param template the CUE source (required) */
  public record Cue(@JsonProperty(required = true) String template) {}

  /**
   * {@code schematic.kube}.
   *
   * @param template the Kubernetes object to create (required)
   * @param parameters the parameters and the field paths they set
   */
  public record Kube(
      @JsonProperty(required = true) JsonNode template, List<KubeParameter> parameters) {
    /** Normalizes absent parameters to an empty list. */
    public Kube {
      parameters = Copies.list(parameters);
    }
  }

  /**
   * A parameter of a {@code kube} schematic.
   *
   * @param name the parameter name (required)
   * @param type {@code string}, {@code number} or {@code boolean} (required)
   * @param fieldPaths the paths of the template the value is written to (required)
   * @param required whether the component must set it (default false)
   * @param description documentation
   */
  public record KubeParameter(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String type,
      @JsonProperty(required = true) @JsonInclude(JsonInclude.Include.ALWAYS)
          List<String> fieldPaths,
      @Nullable Boolean required,
      @Nullable String description) {
    /** The allowed values of {@link #type()}. */
    public static final List<String> TYPES = List.of("string", "number", "boolean");

    /** Normalizes absent field paths to an empty list. */
    public KubeParameter {
      fieldPaths = Copies.list(fieldPaths);
    }
  }
}
