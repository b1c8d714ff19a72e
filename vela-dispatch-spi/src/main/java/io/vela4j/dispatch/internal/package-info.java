/** Implementation of the dispatch SPI and its planners. Not API: may change without notice. */
@NullMarked
package io.vela4j.dispatch.internal;

import org.jspecify.annotations.NullMarked;
