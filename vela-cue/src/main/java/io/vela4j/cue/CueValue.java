package io.vela4j.cue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An evaluated CUE value: immutable and thread-safe. */
public interface CueValue {

  /**
   * Looks up a value by a dot-separated path of labels, e.g. {@code outputs.service.spec}. List
   * elements are addressed by their index ({@code containers.0.name}). Definitions ({@code #D}) and
   * hidden fields ({@code _h}) can be looked up by their label.
   *
   * @param path the path; empty for this value
   * @return the value, or a bottom value ({@link #exists()} false) if absent
   */
  CueValue lookup(String path);

  /**
   * Tells whether this value exists (it is not the result of looking up an absent field).
   *
   * @return false for an absent field
   */
  boolean exists();

  /**
   * Returns the kind of this value, after resolving a default if there is exactly one.
   *
   * @return the kind
   */
  CueKind kind();

  /**
   * Tells whether this value (after resolving defaults) is concrete: a scalar value, or a struct or
   * list (whose fields need not be concrete).
   *
   * @return true if concrete
   */
  boolean isConcrete();

  /**
   * Returns the labels of the regular fields of this struct (not optional, hidden, definition or
   * let fields), in CUE's export order.
   *
   * @return an unmodifiable list, empty for non-structs
   */
  List<String> fieldNames();

  /**
   * Returns the doc comments attached to the field(s) this value came from (every conjunct's field,
   * including fields inside {@code if} bodies and definitions), without comment markers, one entry
   * per comment group, in source order.
   *
   * @return an unmodifiable list, possibly empty
   */
  List<String> docComments();

  /**
   * Unifies this value with another, giving a new value; neither is changed.
   *
   * @param other the other value
   * @return the unification
   */
  CueValue unify(CueValue other);

  /**
   * Returns a new value where the JSON value is unified at the dot-separated path (relative to this
   * value); this value is unchanged.
   *
   * @param path the path, empty for this value
   * @param value the JSON value
   * @return the new value
   */
  CueValue fill(String path, JsonNode value);

  /**
   * Checks this value for fatal errors anywhere (hidden fields and definitions included).
   * Incomplete values are allowed.
   *
   * @throws CueException listing the fatal errors
   */
  void validate();

  /**
   * Exports this value as JSON: defaults resolved, regular fields only, in CUE's field order.
   *
   * @return a new JSON tree
   * @throws CueException if the value has errors or is not concrete (the error names the path)
   */
  JsonNode export();

  /**
   * Exports like {@code cue export}: JSON with 4-space indentation and a trailing newline.
   *
   * @return the JSON text
   * @throws CueException if the value has errors or is not concrete
   */
  String exportJson();

  /**
   * Describes this value as a JSON Schema (draft 2020-12), as {@code
   * cuelang.org/go/encoding/openapi} with {@code ExpandReferences} describes it, in 2020-12's
   * words: references to definitions inlined; {@code type: ["string", "null"]} instead of {@code
   * nullable}; numeric {@code exclusiveMinimum}/{@code exclusiveMaximum}; {@code prefixItems} for
   * closed lists and {@code items} for {@code [...T]}; regular fields {@code required}, optional
   * ones (and those whose default refers to something outside this value) not; defaults ({@code *x
   * | ...}) as {@code default}; disjunctions of literals as {@code enum}, others as {@code oneOf};
   * bounds, {@code =~} patterns, {@code strings.MinRunes}/{@code MaxRunes} and {@code
   * list.MinItems}/{@code MaxItems}; {@code [string]: T} as {@code additionalProperties}; closed
   * structs (definitions, {@code close()}) with {@code additionalProperties: false}; doc comments
   * as {@code description}. No {@code $schema} keyword is written. What JSON Schema cannot say
   * degrades to what is known, or to {@code {}} with a {@code description} saying why; see {@code
   * vela-cue/DIFFERENCES.md} for where the result differs from CUE's.
   *
   * @return a new JSON Schema tree ({@code {}} for top; an absent value gives a schema that says
   *     so)
   */
  JsonNode jsonSchema();

  /**
   * Exports like {@code cue export --out yaml}.
   *
   * @return the YAML text
   * @throws CueException if the value has errors or is not concrete
   */
  String exportYaml();
}
