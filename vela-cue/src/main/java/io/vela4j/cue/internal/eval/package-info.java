/** The CUE evaluator: value domain, lazy unification, disjunctions, closedness, comprehensions. */
@NullMarked
package io.vela4j.cue.internal.eval;

import org.jspecify.annotations.NullMarked;
