/**
 * Internals of vela-cue shared by its packages (not API): the large-stack runner and the compiled
 * regular expressions. The evaluator proper lives in {@code eval}, the parser in {@code syntax},
 * builtin packages in {@code builtins} and export text in {@code export}.
 */
@NullMarked
package io.vela4j.cue.internal;

import org.jspecify.annotations.NullMarked;
