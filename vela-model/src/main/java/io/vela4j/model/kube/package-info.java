/** What the SDK knows offline about Kubernetes kinds: plural resource names and scopes. */
@NullMarked
package io.vela4j.model.kube;

import org.jspecify.annotations.NullMarked;
