package io.vela4j.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.model.oam.AppDeployment;
import io.vela4j.model.oam.Application;
import io.vela4j.model.oam.ApplicationRevision;
import io.vela4j.model.oam.Cluster;
import io.vela4j.render.RenderResult.RenderedComponent;
import io.vela4j.render.RenderResult.RenderedObject;
import io.vela4j.render.internal.AppDeploymentRender;
import io.vela4j.render.internal.ApplicationRender;
import io.vela4j.render.internal.DefinitionSources;
import io.vela4j.render.internal.HealthCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders applications into Kubernetes manifests exactly as KubeVela does: components and traits
 * through their definitions' templates, KubeVela's labels and names, the topology, override and
 * replication policies of each deploy step. Immutable and thread-safe: build once, render from any
 * number of threads.
 *
 * <pre>{@code
 * Renderer renderer = Renderer.builder()
 *     .registry(DefinitionRegistry.builder().catalogue().load(Path.of("defs")).build())
 *     .clusters(clusters)
 *     .build();
 * RenderResult result = renderer.render(app, RenderOptions.defaults());
 * }</pre>
 */
public final class Renderer {
  private final DefinitionRegistry registry;
  private final @Nullable List<Cluster> clusters;
  private final ResourceScopes scopes;

  private Renderer(
      DefinitionRegistry registry, @Nullable List<Cluster> clusters, ResourceScopes scopes) {
    this.registry = registry;
    this.clusters = clusters;
    this.scopes = scopes;
  }

  /**
   * A builder: the built-in catalogue, no known clusters.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The registry this renderer uses.
   *
   * @return the registry
   */
  public DefinitionRegistry registry() {
    return registry;
  }

  /**
   * Renders an application.
   *
   * @param app the application (not modified)
   * @param options how to render
   * @return the manifests of every deploy step and placement
   * @throws RenderException listing every problem (unknown types, template errors, patch conflicts,
   *     invalid policies), located in the application when {@code options} has its source map
   */
  public RenderResult render(Application app, RenderOptions options) {
    Objects.requireNonNull(app, "app");
    String revision = options.revision();
    if (revision == null) {
      revision = latestRevision(app);
    }
    return new ApplicationRender(registry, clusters, scopes::isClusterScoped, options)
        .render(app, revision);
  }

  /**
   * Renders an application revision with the definitions it stores (falling back to this renderer's
   * registry for any it lacks).
   *
   * @param revision the revision
   * @param options how to render (its revision name is ignored: the revision's own is used)
   * @return the manifests
   * @throws RenderException listing every problem
   */
  public RenderResult render(ApplicationRevision revision, RenderOptions options) {
    return renderRevision(revision, options);
  }

  /**
   * Renders a (legacy) AppDeployment: each of its revisions on each of its placements.
   *
   * @param deployment the AppDeployment
   * @param revisions the revisions it may name
   * @param options how to render
   * @return one step per entry of {@code spec.appRevisions}, one placement per cluster
   * @throws RenderException listing every problem (unknown revisions, clusters that do not match)
   */
  public RenderResult render(
      AppDeployment deployment, Collection<ApplicationRevision> revisions, RenderOptions options) {
    return new AppDeploymentRender(
            clusters,
            (revision, cluster) ->
                new ApplicationRender(
                        withStored(revision), clusters, scopes::isClusterScoped, options)
                    .components(
                        revision.getSpec().application(),
                        revision.getMetadata().getName(),
                        cluster))
        .render(deployment, revisions);
  }

  private RenderResult renderRevision(ApplicationRevision revision, RenderOptions options) {
    return new ApplicationRender(withStored(revision), clusters, scopes::isClusterScoped, options)
        .render(revision.getSpec().application(), revision.getMetadata().getName());
  }

  /** This renderer's registry plus the definitions a revision stores (which win). */
  private DefinitionRegistry withStored(ApplicationRevision revision) {
    if (revision.getSpec() == null
        || revision.getSpec().application() == null
        || revision.getMetadata() == null
        || revision.getMetadata().getName() == null) {
      throw new RenderException(
          Diagnostic.error(
                  RenderException.INVALID_OBJECT,
                  "a revision needs metadata.name and spec.application",
                  "spec.application")
              .withFacts("the application", "none"));
    }
    DefinitionRegistry.Builder b = registry.toBuilder();
    var stored = new ArrayList<io.fabric8.kubernetes.api.model.HasMetadata>();
    stored.addAll(revision.getSpec().componentDefinitions().values());
    stored.addAll(revision.getSpec().traitDefinitions().values());
    stored.addAll(revision.getSpec().policyDefinitions().values());
    stored.addAll(revision.getSpec().workflowStepDefinitions().values());
    stored.addAll(revision.getSpec().workloadDefinitions().values());
    for (var d : stored) {
      b.add(
          DefinitionSources.of(
              d,
              new io.vela4j.model.SourceLocation(
                  "ApplicationRevision/" + revision.getMetadata().getName(), 0, 0),
              null));
    }
    return b.build();
  }

  private static String latestRevision(Application app) {
    if (app.getStatus() != null) {
      String n = app.getStatus().path("latestRevision").path("name").asText("");
      if (!n.isEmpty()) {
        return n;
      }
    }
    return app.getMetadata().getName() + "-v1";
  }

  /**
   * The health of a rendered component against the live objects, as KubeVela's health check
   * evaluates its definitions' {@code status.healthPolicy}, {@code customStatus} and {@code
   * details}: for the component (with {@code context.output} the live workload and {@code
   * context.outputs} its live auxiliaries) and for each trait that has a status (with its own
   * objects).
   *
   * @param component a component of a {@link RenderResult} of this renderer
   * @param live the live object of a rendered object, or {@code null} when it does not exist
   * @return the health
   * @throws RenderException ({@code STATUS_ERROR}) when a status template fails
   */
  public Health health(
      RenderedComponent component, Function<RenderedObject, @Nullable ObjectNode> live) {
    return HealthCheck.of(registry, component, live);
  }

  /**
   * A component's health.
   *
   * @param component the component's name
   * @param healthy whether the component and all its traits are healthy
   * @param message the component's {@code customStatus} message, or {@code ""}
   * @param details the component's {@code details}
   * @param traits the traits' health, in order, for traits whose definitions have a status
   */
  public record Health(
      String component,
      boolean healthy,
      String message,
      Map<String, String> details,
      List<TraitHealth> traits) {
    /** Copies the collections. */
    public Health {
      details = Map.copyOf(details);
      traits = List.copyOf(traits);
    }
  }

  /**
   * A trait's health.
   *
   * @param type the trait type
   * @param healthy whether its health policy holds
   * @param message its {@code customStatus} message, or {@code ""}
   */
  public record TraitHealth(String type, boolean healthy, String message) {}

  /** Builds a {@link Renderer}. */
  public static final class Builder {
    private @Nullable DefinitionRegistry registry;
    private @Nullable List<Cluster> clusters;
    private ResourceScopes scopes = ResourceScopes.builtin();

    private Builder() {}

    /**
     * The definitions to use (default: the built-in catalogue).
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder registry(DefinitionRegistry registry) {
      this.registry = Objects.requireNonNull(registry);
      return this;
    }

    /**
     * The known clusters: topology policies select among them and must name them. Without any,
     * named clusters are accepted unchecked and label selectors are errors.
     *
     * @param clusters the clusters
     * @return this builder
     */
    public Builder clusters(Collection<Cluster> clusters) {
      this.clusters = List.copyOf(clusters);
      return this;
    }

    /**
     * The kind table that tells cluster-scoped kinds, which get no namespace (default: the built-in
     * Kubernetes kinds; add the CRDs your definitions create with {@link ResourceScopes#withCrds}).
     *
     * @param scopes the table
     * @return this builder
     */
    public Builder scopes(ResourceScopes scopes) {
      this.scopes = Objects.requireNonNull(scopes);
      return this;
    }

    /**
     * Builds the renderer.
     *
     * @return the renderer
     */
    public Renderer build() {
      return new Renderer(
          registry == null ? DefinitionRegistry.catalogue() : registry, clusters, scopes);
    }
  }
}
