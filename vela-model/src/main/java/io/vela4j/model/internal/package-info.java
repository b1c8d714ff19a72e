/** Implementation details of vela-model; not API. */
@NullMarked
package io.vela4j.model.internal;

import org.jspecify.annotations.NullMarked;
