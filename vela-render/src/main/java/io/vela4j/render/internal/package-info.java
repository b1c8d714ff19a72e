/**
 * The renderer's machinery; not API.
 *
 * <p>One concept per file: {@link io.vela4j.render.internal.DefinitionFile} reads KubeVela's {@code
 * vela def} files, {@link io.vela4j.render.internal.CueEngine} compiles CUE templates and reads
 * their results (patch directives included), {@link io.vela4j.render.internal.PatchEngine} applies
 * trait patches as KubeVela's {@code StrategyUnify} does, {@link
 * io.vela4j.render.internal.OamContract} sets KubeVela's labels, names and namespaces, {@link
 * io.vela4j.render.internal.ContextData} builds the template context, {@link
 * io.vela4j.render.internal.ComponentRender} renders one component with its traits, {@link
 * io.vela4j.render.internal.Topology}, {@link io.vela4j.render.internal.Overrides} and {@link
 * io.vela4j.render.internal.Replication} apply the policies, {@link
 * io.vela4j.render.internal.DeployPlan} derives the deploy steps.
 */
@NullMarked
package io.vela4j.render.internal;

import org.jspecify.annotations.NullMarked;
