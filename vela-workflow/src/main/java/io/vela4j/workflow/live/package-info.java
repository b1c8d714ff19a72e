/**
 * The live provider: a workflow's cluster actions carried out on real API servers through {@code
 * vela-dispatch-kube} (server-side apply, reads, lists and deletes per cluster, the hub as the
 * control plane).
 *
 * <pre>{@code
 * try (var connections = ClusterConnections.builder()
 *     .kubeconfig(Path.of("clusters.yaml"))
 *     .controlPlaneContext(Path.of("clusters.yaml"), "hub")
 *     .build()) {
 *   var engine = WorkflowEngine.builder().renderer(renderer).provider(LiveProvider.of(connections)).build();
 *   var run = engine.run(rendered, WorkflowOptions.of(app).withTime(Instant.now()));
 * }
 * }</pre>
 */
@NullMarked
package io.vela4j.workflow.live;

import org.jspecify.annotations.NullMarked;
