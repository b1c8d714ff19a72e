/**
 * The workflow engine's machinery; not API.
 *
 * <p>One concept per file: {@link io.vela4j.workflow.internal.Scheduler} runs steps as KubeVela's
 * executor does (modes, {@code dependsOn}, {@code if}, timeouts, suspension, inputs and outputs);
 * {@link io.vela4j.workflow.internal.Packages} provides {@code vela/op}, {@code vela/kube}, {@code
 * vela/builtin} and {@code vela/util} to step templates; {@link
 * io.vela4j.workflow.internal.TaskLoop} runs a template's actions until the step completes, waits,
 * suspends or fails; {@link io.vela4j.workflow.internal.Actions} carries out one action; {@link
 * io.vela4j.workflow.internal.BuiltinSteps} runs {@code deploy}, {@code apply-component}, {@code
 * notification} and {@code webhook}; {@link io.vela4j.workflow.internal.Conditions} evaluates
 * {@code if}; {@link io.vela4j.workflow.internal.RunCodec} writes and reads runs as JSON.
 */
@NullMarked
package io.vela4j.workflow.internal;

import org.jspecify.annotations.NullMarked;
