/**
 * The file formats of {@code vela4j dispatch}: manifests ({@link
 * io.vela4j.dispatch.files.ManifestFiles}), placement ({@link
 * io.vela4j.dispatch.files.PlacementFile}) and plan output ({@link
 * io.vela4j.dispatch.files.DispatchPlanWriter}). Parsers report every problem with
 * file:line:column.
 */
@NullMarked
package io.vela4j.dispatch.files;

import org.jspecify.annotations.NullMarked;
