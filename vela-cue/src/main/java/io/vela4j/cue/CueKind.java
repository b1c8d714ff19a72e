package io.vela4j.cue;

/** The kind of an evaluated CUE value. */
public enum CueKind {
  /** An error ({@code _|_}), including an absent field. */
  BOTTOM,
  /**
   * Top ({@code _}), or a value whose kind is not yet narrowed to one kind (e.g. a disjunction).
   */
  TOP,
  /** {@code null}. */
  NULL,
  /** A boolean or the type {@code bool}. */
  BOOL,
  /** An integer or the type {@code int} (or a bound on ints). */
  INT,
  /** A decimal number or the type {@code float}. */
  FLOAT,
  /** The type {@code number} (int or float), or a numeric bound. */
  NUMBER,
  /** A string, the type {@code string} or a string constraint. */
  STRING,
  /** Bytes or the type {@code bytes}. */
  BYTES,
  /** A struct. */
  STRUCT,
  /** A list. */
  LIST
}
