/**
 * The direct planner: per-cluster objects with an ApplySet inventory. See {@link
 * io.vela4j.dispatch.direct.DirectDispatcher}.
 */
@NullMarked
package io.vela4j.dispatch.direct;

import org.jspecify.annotations.NullMarked;
