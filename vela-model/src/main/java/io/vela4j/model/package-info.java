/**
 * The OAM / KubeVela object model: typed resources, the YAML/JSON codec, validation, and the {@link
 * io.vela4j.model.VelaException} hierarchy.
 */
@NullMarked
package io.vela4j.model;

import org.jspecify.annotations.NullMarked;
