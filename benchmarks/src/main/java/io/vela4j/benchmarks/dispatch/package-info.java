/**
 * JMH benchmarks of the dispatch planners: a 50-object bundle with per-cluster overrides planned
 * for 10 to 10,000 clusters through OCM, Karmada and direct.
 */
@NullMarked
package io.vela4j.benchmarks.dispatch;

import org.jspecify.annotations.NullMarked;
