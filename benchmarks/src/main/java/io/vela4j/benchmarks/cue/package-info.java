/** JMH benchmarks of the CUE evaluator. */
@NullMarked
package io.vela4j.benchmarks.cue;

import org.jspecify.annotations.NullMarked;
