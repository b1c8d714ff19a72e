/** Benchmarks of vela-render. */
@NullMarked
package io.vela4j.benchmarks.render;

import org.jspecify.annotations.NullMarked;
