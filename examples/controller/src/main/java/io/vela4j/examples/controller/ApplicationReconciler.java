package io.vela4j.examples.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.vela4j.dispatch.Bundle;
import io.vela4j.dispatch.Delivery;
import io.vela4j.dispatch.DeliveryTarget;
import io.vela4j.dispatch.DispatchException;
import io.vela4j.dispatch.DispatchPlan;
import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.DispatchRequest;
import io.vela4j.dispatch.RenderedDispatch;
import io.vela4j.dispatch.direct.DirectDispatcher;
import io.vela4j.dispatch.kube.ApiServer;
import io.vela4j.dispatch.kube.ApplyResult;
import io.vela4j.dispatch.kube.ClusterConnections;
import io.vela4j.dispatch.kube.KubeApplier;
import io.vela4j.dispatch.kube.KubeApplyException;
import io.vela4j.dispatch.kube.ObjectRef;
import io.vela4j.model.Diagnostic;
import io.vela4j.model.kube.ResourceScopes;
import io.vela4j.model.oam.Application;
import io.vela4j.render.RenderException;
import io.vela4j.render.RenderOptions;
import io.vela4j.render.RenderResult;
import io.vela4j.render.Renderer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles OAM Applications: render, apply, read health, write status.
 *
 * <ol>
 *   <li><b>Render</b> the Application with the {@link Renderer} (the built-in catalogue plus the
 *       controller's definitions): every deploy step's placements, as {@code vela dry-run} does. A
 *       render error is written to the status (phase {@code rendering}, condition {@code
 *       Rendered=False} with the problems) and tried again in a minute, in case a definition was
 *       fixed; a spec change is reconciled at once anyway.
 *   <li><b>Apply</b> the render with the {@code direct} planner and {@link KubeApplier}:
 *       server-side apply as field manager {@value #FIELD_MANAGER}, taking over conflicting fields
 *       (the controller owns what it renders), in waves (namespaces and CRDs first), with an
 *       ApplySet inventory Secret {@code applyset-<app>} beside the Application, so that what the
 *       Application no longer renders is pruned. Placements on {@code local} go to the cluster the
 *       controller watches; other clusters need a connection (see {@link ControllerMain}).
 *   <li><b>Health</b>: for each component on each cluster, its definitions' {@code healthPolicy}
 *       and {@code customStatus} (and its traits') evaluated against the live objects ({@link
 *       Renderer#health}), as KubeVela's health check does.
 *   <li><b>Status</b> ({@link StatusWriter}): phase {@code running} when every component is
 *       healthy, else {@code unhealthy} (checked again in 10 s; healthy applications every 5
 *       minutes, which also repairs drift).
 * </ol>
 *
 * <p>When an Application is deleted ({@link Cleaner}), the same render with no objects is applied:
 * the inventory prunes everything the Application had applied, then the inventory Secret itself is
 * deleted, and only then is the finalizer removed.
 *
 * <p>Workflows are not run: every deploy step is applied at once ({@code suspend} and approval
 * steps are not waited for; {@code vela-workflow} runs workflows step by step).
 *
 * <p>Thread-safe: JOSDK reconciles different Applications concurrently; the renderer, the
 * connections and the appliers are thread-safe, and each reconcile has its own state.
 */
@ControllerConfiguration(name = ApplicationReconciler.NAME)
public final class ApplicationReconciler implements Reconciler<Application>, Cleaner<Application> {

  /** The controller's name (and finalizer prefix). */
  public static final String NAME = "vela4j-applications";

  /** The server-side apply field manager of everything the controller applies. */
  public static final String FIELD_MANAGER = "vela4j-controller";

  /** The cluster name KubeVela gives the hub: placements there go to the watched cluster. */
  public static final String LOCAL = "local";

  static final Duration HEALTHY_RECHECK = Duration.ofMinutes(5);
  static final Duration UNHEALTHY_RECHECK = Duration.ofSeconds(10);
  static final Duration FAILED_RETRY = Duration.ofMinutes(1);
  static final Duration APPLY_RETRY = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationReconciler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Renderer renderer;
  private final ClusterConnections connections;
  private final Clock clock;
  private final Function<DispatchPolicy, KubeApplier> appliers;

  /**
   * A reconciler.
   *
   * @param renderer renders the Applications (its registry: the catalogue and your definitions)
   * @param connections the clusters: {@value #LOCAL} (the watched cluster) and any member cluster
   *     that topology policies name
   * @param clock the time conditions change at
   * @param appliers the applier for a policy (its retries and readiness timeouts are yours to
   *     choose: {@code policy -> KubeApplier.builder().policy(policy).build()})
   */
  public ApplicationReconciler(
      Renderer renderer,
      ClusterConnections connections,
      Clock clock,
      Function<DispatchPolicy, KubeApplier> appliers) {
    this.renderer = renderer;
    this.connections = connections;
    this.clock = clock;
    this.appliers = appliers;
  }

  @Override
  public UpdateControl<Application> reconcile(Application app, Context<Application> context) {
    return reconcile(app);
  }

  @Override
  public DeleteControl cleanup(Application app, Context<Application> context) {
    return cleanup(app);
  }

  /** Reconciles one Application (the JOSDK context is not needed). */
  UpdateControl<Application> reconcile(Application app) {
    var status = new StatusWriter(app, clock);
    // 1. render
    RenderResult result;
    try {
      result = renderer.render(app, RenderOptions.defaults());
    } catch (RenderException e) {
      status
          .phase(StatusWriter.RENDERING)
          .condition(StatusWriter.RENDERED, false, "RenderFailed", lines(e.diagnostics()));
      return patchStatus(app, status).rescheduleAfter(FAILED_RETRY);
    }
    status.condition(
        StatusWriter.RENDERED,
        true,
        "Rendered",
        result.objects().size() + " objects, revision " + result.revision());
    if (result.revisionOnly()) {
      status
          .phase(StatusWriter.RUNNING)
          .condition(
              StatusWriter.APPLIED, false, "RevisionOnly", "app.oam.dev/revision-only: not applied")
          .condition(StatusWriter.READY, true, "RevisionOnly", "nothing to run");
      return patchStatus(app, status);
    }
    // 2. apply
    DispatchPolicy policy = policy(app);
    ApplyResult applied;
    try {
      DispatchPlan plan =
          RenderedDispatch.plan(new DirectDispatcher(), requests(result, policy, false));
      applied = applier(policy).applyAll(plan, connections);
    } catch (DispatchException e) {
      return applyFailed(app, status, e.diagnostics());
    }
    if (!applied.succeeded()) {
      return applyFailed(app, status, new KubeApplyException(applied).diagnostics());
    }
    status.condition(
        StatusWriter.APPLIED,
        true,
        "Applied",
        applied.targets().stream().map(t -> t.summary()).collect(Collectors.joining("; ")));
    // 3. health
    List<ObjectNode> services = health(result);
    long unhealthy = services.stream().filter(s -> !s.path("healthy").asBoolean()).count();
    status.services(services);
    if (unhealthy > 0) {
      status
          .phase(StatusWriter.UNHEALTHY)
          .condition(
              StatusWriter.READY,
              false,
              "Unhealthy",
              unhealthy + " of " + services.size() + " components are not healthy");
      return patchStatus(app, status).rescheduleAfter(UNHEALTHY_RECHECK);
    }
    status
        .phase(StatusWriter.RUNNING)
        .condition(StatusWriter.READY, true, "Healthy", "every component is healthy");
    return patchStatus(app, status).rescheduleAfter(HEALTHY_RECHECK);
  }

  /** Removes what an Application applied, then lets it go. */
  DeleteControl cleanup(Application app) {
    try {
      RenderResult result = renderer.render(app, RenderOptions.defaults());
      if (result.revisionOnly()) {
        return DeleteControl.defaultDelete(); // it never applied anything
      }
      DispatchPolicy policy = policy(app);
      // the same bundles without objects: the inventory prunes every member it recorded
      DispatchPlan plan =
          RenderedDispatch.plan(new DirectDispatcher(), requests(result, policy, true));
      applier(policy).apply(plan, connections);
      for (Delivery d : plan.deliveries()) { // what is left: the inventory Secrets
        if (d.action() == Delivery.Action.APPLY) {
          server(d.target()).delete(ObjectRef.of(d.object()), false);
        }
      }
      return DeleteControl.defaultDelete();
    } catch (RenderException | DispatchException e) {
      // without a render the bundles are unknown: keep the finalizer (remove it by hand to orphan
      // the objects) and try again
      List<Diagnostic> problems =
          e instanceof RenderException r ? r.diagnostics() : ((DispatchException) e).diagnostics();
      LOG.warn(
          "cannot clean up application {}/{}: {}",
          app.getMetadata().getNamespace(),
          app.getMetadata().getName(),
          lines(problems));
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(APPLY_RETRY);
    }
  }

  /**
   * What the controller applies with: its field manager, forced (it owns what it renders), the
   * inventory beside the Application.
   */
  static DispatchPolicy policy(Application app) {
    return DispatchPolicy.builder()
        .fieldManager(FIELD_MANAGER)
        .conflict(DispatchPolicy.Conflict.OVERWRITE)
        .inventoryNamespace(app.getMetadata().getNamespace())
        .build();
  }

  private KubeApplier applier(DispatchPolicy policy) {
    return appliers.apply(policy);
  }

  private static List<DispatchRequest> requests(
      RenderResult result, DispatchPolicy policy, boolean empty) {
    var requests = RenderedDispatch.requests(result, policy, ResourceScopes.builtin());
    if (!empty) {
      return requests;
    }
    var out = new ArrayList<DispatchRequest>();
    for (DispatchRequest r : requests) {
      out.add(
          new DispatchRequest(
              new Bundle(r.bundle().id(), r.bundle().revision(), List.of()),
              r.placement(),
              r.policy(),
              r.scopes(),
              r.options()));
    }
    return out;
  }

  private UpdateControl<Application> applyFailed(
      Application app, StatusWriter status, List<Diagnostic> problems) {
    status
        .phase(StatusWriter.RUNNING_WORKFLOW)
        .condition(StatusWriter.APPLIED, false, "ApplyFailed", lines(problems));
    return patchStatus(app, status).rescheduleAfter(APPLY_RETRY);
  }

  /** One entry of KubeVela's {@code status.services} per component and placement. */
  private List<ObjectNode> health(RenderResult result) {
    var out = new ArrayList<ObjectNode>();
    for (RenderResult.PlacementDecision p : result.placements()) {
      ApiServer server = server(DeliveryTarget.cluster(p.cluster()));
      for (RenderResult.RenderedComponent c : p.components()) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("name", c.name()).put("namespace", p.namespace()).put("cluster", p.cluster());
        try {
          Renderer.Health h = renderer.health(c, o -> live(server, o));
          s.put("healthy", h.healthy()).put("message", h.message());
          var traits = s.putArray("traits");
          for (Renderer.TraitHealth t : h.traits()) {
            traits
                .addObject()
                .put("type", t.type())
                .put("healthy", t.healthy())
                .put("message", t.message());
          }
        } catch (
            RuntimeException e) { // a status template that fails, a cluster that cannot be read
          s.put("healthy", false).put("message", "health unknown: " + e.getMessage());
        }
        out.add(s);
      }
    }
    return out;
  }

  /** The live object of a rendered object, or null when it does not exist. */
  private static @Nullable ObjectNode live(ApiServer server, RenderResult.RenderedObject o) {
    var ref =
        new ObjectRef(
            o.apiVersion(), o.kind(), o.namespace().isEmpty() ? null : o.namespace(), o.name());
    return server.get(ref).map(r -> (ObjectNode) JSON.valueToTree(r)).orElse(null);
  }

  private ApiServer server(DeliveryTarget target) {
    return connections
        .server(target)
        .orElseThrow(() -> new IllegalStateException("no connection for " + target.display()));
  }

  private static UpdateControl<Application> patchStatus(Application app, StatusWriter status) {
    app.setStatus(status.build()); // JOSDK hands each reconcile its own copy of the resource
    return UpdateControl.patchStatus(app);
  }

  private static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}
