/** Vela4J vela-dispatch-spi (see the module README and ../shared/DESIGN.md). */
@NullMarked
package io.vela4j.dispatch;

import org.jspecify.annotations.NullMarked;
