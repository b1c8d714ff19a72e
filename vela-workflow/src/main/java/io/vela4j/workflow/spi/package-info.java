/**
 * The provider SPI: what a workflow does to clusters (apply, read, list, delete) goes through a
 * {@link io.vela4j.workflow.spi.WorkflowProvider}. Providers that need no configuration are found
 * with {@link java.util.ServiceLoader} ({@code offline} ships); others, such as {@link
 * io.vela4j.workflow.live.LiveProvider}, are passed to {@link
 * io.vela4j.workflow.WorkflowEngine.Builder#provider}.
 */
@NullMarked
package io.vela4j.workflow.spi;

import org.jspecify.annotations.NullMarked;
