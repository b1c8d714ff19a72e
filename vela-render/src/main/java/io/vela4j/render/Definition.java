package io.vela4j.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vela4j.model.SourceLocation;
import io.vela4j.model.oam.ComponentDefinition;
import io.vela4j.model.oam.PolicyDefinition;
import io.vela4j.model.oam.Schematic;
import io.vela4j.model.oam.StatusSpec;
import io.vela4j.model.oam.TraitDefinition;
import io.vela4j.model.oam.WorkflowStepDefinition;
import io.vela4j.model.oam.WorkloadDefinition;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One definition of a {@link DefinitionRegistry}: the KubeVela object and where it came from.
 * Immutable (the object is never changed by Vela4J and must not be changed by callers).
 *
 * @param kind what it defines
 * @param name the definition's name ({@code metadata.name}), the type applications use
 * @param object the {@link ComponentDefinition}, {@link TraitDefinition}, {@link PolicyDefinition},
 *     {@link WorkflowStepDefinition} or {@link WorkloadDefinition}
 * @param location where the definition was written (file, line, column), for diagnostics
 * @param cueTemplate the CUE template text as compiled, or {@code null} when the definition has no
 *     {@code schematic.cue}. Text before the template in its file is blanked (line breaks kept), so
 *     CUE positions in it are positions in {@code location.source()} whenever the source was a
 *     {@code .cue} file or a YAML literal block.
 */
public record Definition(
    Kind kind,
    String name,
    HasMetadata object,
    SourceLocation location,
    @Nullable String cueTemplate) {

  /** The annotation KubeVela keeps a definition's description in. */
  public static final String DESCRIPTION_ANNOTATION = "definition.oam.dev/description";

  /** What a definition defines. */
  public enum Kind {
    /** A {@code ComponentDefinition}: a component type. */
    COMPONENT("ComponentDefinition", "component"),
    /** A {@code TraitDefinition}: a trait type. */
    TRAIT("TraitDefinition", "trait"),
    /** A {@code PolicyDefinition}: a policy type. */
    POLICY("PolicyDefinition", "policy"),
    /** A {@code WorkflowStepDefinition}: a workflow step type. */
    WORKFLOW_STEP("WorkflowStepDefinition", "workflow-step"),
    /**
     * A {@code WorkloadDefinition}: the legacy form of a component type, which KubeVela still falls
     * back to when no ComponentDefinition has the name.
     */
    WORKLOAD("WorkloadDefinition", "workload");

    private final String objectKind;
    private final String label;

    Kind(String objectKind, String label) {
      this.objectKind = objectKind;
      this.label = label;
    }

    /**
     * The Kubernetes kind of the definition object, such as {@code TraitDefinition}.
     *
     * @return the kind
     */
    public String objectKind() {
      return objectKind;
    }

    /**
     * The word KubeVela's {@code vela def} files use in their {@code type} field, such as {@code
     * trait} or {@code workflow-step}.
     *
     * @return the label
     */
    public String label() {
      return label;
    }

    /**
     * The kind of a definition object.
     *
     * @param object a definition object
     * @return its kind
     * @throws IllegalArgumentException for other objects
     */
    public static Kind of(HasMetadata object) {
      if (object instanceof ComponentDefinition) {
        return COMPONENT;
      } else if (object instanceof TraitDefinition) {
        return TRAIT;
      } else if (object instanceof PolicyDefinition) {
        return POLICY;
      } else if (object instanceof WorkflowStepDefinition) {
        return WORKFLOW_STEP;
      } else if (object instanceof WorkloadDefinition) {
        return WORKLOAD;
      }
      throw new IllegalArgumentException("not a definition: " + object.getKind());
    }
  }

  /** Validates the components. */
  public Definition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(location, "location");
    if (Kind.of(object) != kind) {
      throw new IllegalArgumentException(
          "a " + object.getKind() + " is not a " + kind.objectKind());
    }
  }

  /**
   * The definition's schematic.
   *
   * @return the schematic, or {@code null}
   */
  public @Nullable Schematic schematic() {
    if (object instanceof ComponentDefinition d && d.getSpec() != null) {
      return d.getSpec().schematic();
    } else if (object instanceof TraitDefinition d && d.getSpec() != null) {
      return d.getSpec().schematic();
    } else if (object instanceof PolicyDefinition d && d.getSpec() != null) {
      return d.getSpec().schematic();
    } else if (object instanceof WorkflowStepDefinition d && d.getSpec() != null) {
      return d.getSpec().schematic();
    } else if (object instanceof WorkloadDefinition d && d.getSpec() != null) {
      return d.getSpec().schematic();
    }
    return null;
  }

  /**
   * The health and status templates ({@code spec.status}) of a component or trait definition.
   *
   * @return the status spec, or {@code null}
   */
  public @Nullable StatusSpec status() {
    if (object instanceof ComponentDefinition d && d.getSpec() != null) {
      return d.getSpec().status();
    } else if (object instanceof TraitDefinition d && d.getSpec() != null) {
      return d.getSpec().status();
    } else if (object instanceof WorkloadDefinition d && d.getSpec() != null) {
      return d.getSpec().status();
    }
    return null;
  }

  /**
   * The definition's version ({@code spec.version}), which {@code type@v<version>} selects.
   *
   * @return the version without a leading {@code v}, or {@code null}
   */
  public @Nullable String version() {
    String v = null;
    if (object instanceof ComponentDefinition d && d.getSpec() != null) {
      v = d.getSpec().version();
    } else if (object instanceof TraitDefinition d && d.getSpec() != null) {
      v = d.getSpec().version();
    } else if (object instanceof PolicyDefinition d && d.getSpec() != null) {
      v = d.getSpec().version();
    } else if (object instanceof WorkflowStepDefinition d && d.getSpec() != null) {
      v = d.getSpec().version();
    }
    return v == null || v.isEmpty() ? null : v.startsWith("v") ? v.substring(1) : v;
  }

  /**
   * The definition's description ({@value #DESCRIPTION_ANNOTATION}).
   *
   * @return the description, or {@code ""}
   */
  public String description() {
    Map<String, String> a =
        object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
    return a == null ? "" : a.getOrDefault(DESCRIPTION_ANNOTATION, "");
  }

  /**
   * {@code kind/name}, as diagnostics name a definition ({@code TraitDefinition/scaler}).
   *
   * @return the display name
   */
  public String display() {
    return kind.objectKind() + "/" + name;
  }
}
