/**
 * Rendering OAM Applications into Kubernetes manifests, as KubeVela does: the definition registry
 * and its built-in catalogue, template engines, trait patching, policies and placements,
 * application revisions and AppDeployments.
 */
@NullMarked
package io.vela4j.render;

import org.jspecify.annotations.NullMarked;
