/**
 * Validation of JSON values against the OpenAPI v3 structural schemas of CustomResourceDefinitions
 * ({@code spec.versions[].schema.openAPIV3Schema}), as the Kubernetes API server applies them.
 *
 * <pre>{@code
 * CrdSchemas crds = CrdSchemas.load(Path.of("crds/"));
 * List<Diagnostic> problems = crds.validate(objectAsJson);
 * }</pre>
 */
@NullMarked
package io.vela4j.model.schema;

import org.jspecify.annotations.NullMarked;
