/** Vela4J vela-rollout (see the module README and ../shared/DESIGN.md). */
@NullMarked
package io.vela4j.rollout;

import org.jspecify.annotations.NullMarked;
