/** The {@code vela4j} command line. */
@NullMarked
package io.vela4j.cli;

import org.jspecify.annotations.NullMarked;
