/**
 * The Open Cluster Management planner: ManifestWorks per cluster. See {@link
 * io.vela4j.dispatch.ocm.OcmDispatcher}.
 */
@NullMarked
package io.vela4j.dispatch.ocm;

import org.jspecify.annotations.NullMarked;
