/** Text encodings of exported CUE values: JSON like {@code cue export}, and YAML. */
@NullMarked
package io.vela4j.cue.internal.export;

import org.jspecify.annotations.NullMarked;
