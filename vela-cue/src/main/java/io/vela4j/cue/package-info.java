/** Vela4J vela-cue (see the module README and ../shared/DESIGN.md). */
@NullMarked
package io.vela4j.cue;

import org.jspecify.annotations.NullMarked;
