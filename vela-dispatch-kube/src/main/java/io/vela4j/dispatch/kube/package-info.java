/**
 * Applies a {@link io.vela4j.dispatch.DispatchPlan} to real API servers with the fabric8
 * kubernetes-client, and reads back its health.
 *
 * <ul>
 *   <li>{@link io.vela4j.dispatch.kube.KubeApplier}: server-side apply wave by wave, CRD waits,
 *       ApplySet inventory and prune, parallel targets, aggregated {@link
 *       io.vela4j.dispatch.kube.ApplyResult} or {@link io.vela4j.dispatch.kube.KubeApplyException};
 *       {@code status(...)} gives a {@link io.vela4j.dispatch.kube.StatusReport}.
 *   <li>{@link io.vela4j.dispatch.kube.ClusterConnections}: one {@link
 *       io.vela4j.dispatch.kube.ApiServer} per cluster (kubeconfig contexts or explicit clients)
 *       and one for the control plane.
 *   <li>{@link io.vela4j.dispatch.kube.ApiServer}: the port to one API server; {@link
 *       io.vela4j.dispatch.kube.ApiServers} builds the fabric8 implementation and the retrying
 *       decorator ({@link io.vela4j.dispatch.kube.RetryPolicy}, {@link
 *       io.vela4j.dispatch.kube.Sleeper}).
 * </ul>
 *
 * <pre>{@code
 * var applier = KubeApplier.create(); // the plan carries its policy
 * try (var connections = ClusterConnections.fromKubeconfig(Path.of("clusters.yaml"))) {
 *   applier.apply(plan, connections);
 * }
 * }</pre>
 */
@NullMarked
package io.vela4j.dispatch.kube;

import org.jspecify.annotations.NullMarked;
