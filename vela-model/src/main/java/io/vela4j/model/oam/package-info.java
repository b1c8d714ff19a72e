/**
 * Typed OAM resources of {@code core.oam.dev/v1beta1} (and the legacy {@code AppDeployment} and
 * {@code cluster.core.oam.dev/v1alpha1} {@code Cluster}): each a fabric8 {@link
 * io.fabric8.kubernetes.api.model.HasMetadata} whose spec is an immutable record.
 *
 * <pre>{@code
 * Application app = VelaYaml.reader().read(Path.of("app.yaml"), Application.class);
 * for (ApplicationComponent c : app.getSpec().components()) {
 *   System.out.println(c.name() + " -> " + c.type());
 * }
 * }</pre>
 */
@NullMarked
package io.vela4j.model.oam;

import org.jspecify.annotations.NullMarked;
