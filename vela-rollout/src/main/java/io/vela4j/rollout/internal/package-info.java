/** Implementation of the rollout planner; not API. */
@NullMarked
package io.vela4j.rollout.internal;

import org.jspecify.annotations.NullMarked;
