/**
 * An example Java Operator SDK controller for OAM Applications, built on Vela4J: it renders each
 * Application with a {@link io.vela4j.render.Renderer}, applies the result with server-side apply
 * through {@link io.vela4j.dispatch.kube.KubeApplier} (pruning what the application no longer
 * renders), and writes the Application's status as KubeVela does: the phase, each component's
 * health from its definitions' health policies, and conditions. An example to copy, not a library.
 */
@NullMarked
package io.vela4j.examples.controller;

import org.jspecify.annotations.NullMarked;
