package io.vela4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.oam.ApplicationComponent;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an application became: per deploy step and placement, the components' objects in KubeVela's
 * order (each component's workload, then its auxiliaries in the order they were added), with a
 * trace of what each trait changed. Immutable; trees are copied on the way in and out.
 *
 * @param application the application's name
 * @param namespace the application's namespace ({@code default} when it had none)
 * @param revision the application revision the objects carry ({@code <app>-v<N>})
 * @param revisionOnly whether the application is {@code app.oam.dev/revision-only}: rendered as a
 *     preview, never dispatched or run
 * @param steps the deploy steps, in workflow order
 * @param policyObjects objects rendered by the application's custom (non built-in) policy types
 * @param warnings problems that did not stop the render
 */
public record RenderResult(
    String application,
    String namespace,
    String revision,
    boolean revisionOnly,
    List<Step> steps,
    List<RenderedObject> policyObjects,
    List<Diagnostic> warnings) {

  /** The annotation that makes an application record revisions only. */
  public static final String REVISION_ONLY_ANNOTATION = "app.oam.dev/revision-only";

  /** Copies the lists. */
  public RenderResult {
    Objects.requireNonNull(application, "application");
    steps = List.copyOf(steps);
    policyObjects = List.copyOf(policyObjects);
    warnings = List.copyOf(warnings);
  }

  /**
   * Every placement of every step, in order.
   *
   * @return the placements
   */
  public List<PlacementDecision> placements() {
    return steps.stream().flatMap(s -> s.placements().stream()).toList();
  }

  /**
   * Every rendered object of every step and placement, in order.
   *
   * @return the objects
   */
  public List<RenderedObject> objects() {
    return placements().stream().flatMap(p -> p.objects().stream()).toList();
  }

  /**
   * One deploy step of the workflow (or of the workflow KubeVela derives when there is none).
   *
   * @param name the step's name
   * @param type the step's type ({@code deploy}, {@code apply-component}, ...)
   * @param placements where the step puts the components, in order
   */
  public record Step(String name, String type, List<PlacementDecision> placements) {
    /** Copies the list. */
    public Step {
      placements = List.copyOf(placements);
    }
  }

  /**
   * One cluster and namespace, and the components rendered for it (policies applied).
   *
   * @param cluster the cluster ({@code local} for the hub)
   * @param namespace the namespace the objects go to
   * @param components the components, in application order (replicas appended, as KubeVela does)
   */
  public record PlacementDecision(
      String cluster, String namespace, List<RenderedComponent> components) {
    /** Copies the list. */
    public PlacementDecision {
      components = List.copyOf(components);
    }

    /**
     * The objects of every component, in order.
     *
     * @return the objects
     */
    public List<RenderedObject> objects() {
      return components.stream().flatMap(c -> c.objects().stream()).toList();
    }
  }

  /**
   * One component as rendered for one placement.
   *
   * @param spec the component as rendered (after override policies)
   * @param replicaKey the replication key ({@code context.replicaKey}), or {@code ""}
   * @param context the {@code context} the component's template saw
   * @param objects the workload first, then auxiliaries in the order added
   * @param trace what each trait changed, in order
   */
  public record RenderedComponent(
      ApplicationComponent spec,
      String replicaKey,
      ObjectNode context,
      List<RenderedObject> objects,
      List<Change> trace) {
    /** Copies the trees and lists. */
    public RenderedComponent {
      context = context.deepCopy();
      objects = List.copyOf(objects);
      trace = List.copyOf(trace);
    }

    /** The component's name. */
    public String name() {
      return spec.name();
    }

    /**
     * The workload.
     *
     * @return the first object
     */
    public RenderedObject workload() {
      return objects.get(0);
    }

    /** The context (a copy). */
    @Override
    public ObjectNode context() {
      return context.deepCopy();
    }
  }

  /** What a rendered object is to its component. */
  public enum Role {
    /** The component's workload ({@code output}). */
    WORKLOAD,
    /** One of the component's own {@code outputs}. */
    AUXILIARY,
    /** An object a trait added ({@code outputs} of a trait). */
    TRAIT,
    /** An object of a custom policy type. */
    POLICY
  }

  /**
   * One rendered Kubernetes object.
   *
   * @param role what it is to its component
   * @param component the component (or policy) that produced it
   * @param trait the trait type that added it, or {@code null}
   * @param output its name in {@code outputs}, or {@code null} for a workload
   * @param object the object (copied in and out)
   */
  public record RenderedObject(
      Role role,
      String component,
      @Nullable String trait,
      @Nullable String output,
      ObjectNode object) {
    /** Copies the tree. */
    public RenderedObject {
      Objects.requireNonNull(role, "role");
      object = object.deepCopy();
    }

    /** The object (a copy). */
    @Override
    public ObjectNode object() {
      return object.deepCopy();
    }

    /** The object as a fabric8 resource (a new instance). */
    public GenericKubernetesResource resource() {
      return io.vela4j.render.internal.Json.MAPPER.convertValue(
          object, GenericKubernetesResource.class);
    }

    /** {@code apiVersion}. */
    public String apiVersion() {
      return object.path("apiVersion").asText("");
    }

    /** {@code kind}. */
    public String kind() {
      return object.path("kind").asText("");
    }

    /** {@code metadata.name}. */
    public String name() {
      return object.path("metadata").path("name").asText("");
    }

    /** {@code metadata.namespace}, or {@code ""}. */
    public String namespace() {
      return object.path("metadata").path("namespace").asText("");
    }

    /** The value at a JSON Pointer ({@code /spec/replicas}), or a missing node. */
    public JsonNode at(String pointer) {
      return object.at(pointer).deepCopy();
    }
  }

  /**
   * One field a trait changed.
   *
   * @param trait the trait type
   * @param traitIndex the trait's index in the component's {@code traits}
   * @param target {@code workload}, or the output name of the patched auxiliary
   * @param path the JSON Pointer of the field in the target
   * @param operation {@code add}, {@code replace} or {@code remove}
   */
  public record Change(
      String trait, int traitIndex, String target, String path, String operation) {}
}
