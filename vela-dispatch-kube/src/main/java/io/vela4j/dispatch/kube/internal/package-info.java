/**
 * Implementation of {@code io.vela4j.dispatch.kube}: the fabric8 API server adapter, retries,
 * health readers, inventories and the per-cluster apply loop. Not API: may change at any time.
 */
@NullMarked
package io.vela4j.dispatch.kube.internal;

import org.jspecify.annotations.NullMarked;
