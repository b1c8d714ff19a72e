package io.vela4j.dispatch.kube.internal;

import io.vela4j.dispatch.DispatchPolicy;
import io.vela4j.dispatch.kube.ApplyListener;
import io.vela4j.dispatch.kube.Sleeper;
import java.time.Duration;

/**
 * Settings of one apply run.
 *
 * @param fieldManager the server-side apply field manager
 * @param force whether to force conflicts (policy OVERWRITE)
 * @param prune whether to delete inventory members no longer desired
 * @param orphanDependents prune and explicit deletes use {@code propagationPolicy=Orphan}
 * @param establishedPolls how many times to check a CRD for Established before giving up
 * @param pollInterval the delay between checks
 * @param sleeper waits between checks
 * @param listener progress
 * @param strategy how objects are written ({@code SERVER_SIDE_APPLY} and {@code UPDATE} both use
 *     server-side apply)
 */
public record RunSettings(
    String fieldManager,
    boolean force,
    boolean prune,
    boolean orphanDependents,
    int establishedPolls,
    Duration pollInterval,
    Sleeper sleeper,
    ApplyListener listener,
    DispatchPolicy.UpdateStrategy strategy) {}
