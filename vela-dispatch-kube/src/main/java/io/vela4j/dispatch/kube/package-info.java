/** Vela4J vela-dispatch-kube (see the module README and ../shared/DESIGN.md). */
@NullMarked
package io.vela4j.dispatch.kube;

import org.jspecify.annotations.NullMarked;
