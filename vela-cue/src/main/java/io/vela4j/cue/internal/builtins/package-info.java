/**
 * CUE's builtin packages ({@code strings}, {@code strconv}, {@code list}, {@code math}, {@code
 * encoding/json}, {@code encoding/yaml}, {@code encoding/base64}, {@code regexp}, {@code struct})
 * implemented on concrete Java values, and the number formatting shared with export.
 *
 * <p>Values crossing this package's boundary are described by {@link
 * io.vela4j.cue.internal.builtins.Concrete}. Everything here is pure, stateless and thread-safe.
 */
@org.jspecify.annotations.NullMarked
package io.vela4j.cue.internal.builtins;
