/**
 * Test helpers for rendered applications: {@link io.vela4j.testing.VelaAssertions} (AssertJ
 * assertions over a {@link io.vela4j.render.RenderResult} and its objects), {@link
 * io.vela4j.testing.Golden} (golden files with a unified diff), and {@link
 * io.vela4j.testing.VelaExtension} (a JUnit 5 extension that renders applications from test
 * resources with the definitions named by {@link io.vela4j.testing.VelaDefinitions}).
 */
@NullMarked
package io.vela4j.testing;

import org.jspecify.annotations.NullMarked;
