/** Vela4J benchmarks (see the module README and ../shared/DESIGN.md). */
@NullMarked
package io.vela4j.benchmarks;

import org.jspecify.annotations.NullMarked;
