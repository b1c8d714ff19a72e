/**
 * The template-engine SPI of {@code vela-render}: how a definition's template turns parameters and
 * a context into a workload, auxiliary objects and patches.
 *
 * <p>Three engines ship with Vela4J and are found with {@link java.util.ServiceLoader}: {@code cue}
 * ({@code schematic.cue.template}), {@code kube} ({@code schematic.kube}: a raw object plus
 * parameters with field paths) and {@code java} ({@link io.vela4j.render.spi.ComponentTemplate} and
 * {@link io.vela4j.render.spi.TraitTemplate} implementations registered on a {@link
 * io.vela4j.render.DefinitionRegistry}). A fourth engine is a class implementing {@link
 * io.vela4j.render.spi.TemplateEngine}, listed in {@code
 * META-INF/services/io.vela4j.render.spi.TemplateEngine} or passed to the registry's builder.
 */
@NullMarked
package io.vela4j.render.spi;

import org.jspecify.annotations.NullMarked;
