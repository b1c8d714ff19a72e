/**
 * Runs an Application's workflow as KubeVela's workflow engine does: steps and sub-steps in {@code
 * StepByStep} or {@code DAG} mode, {@code dependsOn}, {@code if}, {@code timeout}, inputs and
 * outputs, suspension; the built-in step types ({@code deploy}, {@code apply-component}, {@code
 * suspend}, {@code step-group}, {@code apply-object}, {@code read-object}, {@code
 * print-message-in-status}, {@code notification}, {@code webhook}); custom WorkflowStepDefinitions
 * whose CUE templates use the {@code vela/op}, {@code vela/kube}, {@code vela/builtin} and {@code
 * vela/util} actions. Cluster I/O goes through a {@link io.vela4j.workflow.spi.WorkflowProvider}:
 * the offline one records every apply into a plan per target; {@link
 * io.vela4j.workflow.live.LiveProvider} applies through {@code vela-dispatch-kube}.
 *
 * <pre>{@code
 * WorkflowEngine engine = WorkflowEngine.builder().renderer(renderer).build(); // thread-safe
 * RenderResult rendered = renderer.render(app, RenderOptions.defaults());
 * WorkflowRun run = engine.run(rendered, WorkflowOptions.of(app));
 * run.steps().forEach(s -> System.out.println(s.name() + " " + s.phase()));
 * WorkflowRun resumed = engine.resume(run, ClusterState.empty()); // after an approval
 * }</pre>
 */
@NullMarked
package io.vela4j.workflow;

import org.jspecify.annotations.NullMarked;
