/**
 * The Karmada planner: templates plus propagation and override policies. See {@link
 * io.vela4j.dispatch.karmada.KarmadaDispatcher}.
 */
@NullMarked
package io.vela4j.dispatch.karmada;

import org.jspecify.annotations.NullMarked;
