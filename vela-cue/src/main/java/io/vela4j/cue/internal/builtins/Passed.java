package io.vela4j.cue.internal.builtins;

/**
 * A list element that a builtin which only rearranges elements ({@code list.Concat}, {@code
 * list.Take}, {@code list.Drop}, {@code list.Slice}, {@code list.Reverse}, {@code list.Repeat},
 * {@code list.FlattenN}) passes through without reading it: the evaluator's element, kept with its
 * declarations, so that it may be incomplete ({@code [{a: int}]}) and still meet what the result is
 * unified with, as in CUE, whose list builtins take and return {@code cue.Value}s. A nested list
 * element is also a {@link java.util.List} of its own elements, for the builtins that flatten.
 */
public interface Passed {

  /**
   * The element's kind, as {@link Concrete#typeName} names it.
   *
   * @return e.g. {@code struct}
   */
  String typeName();

  /**
   * The element for messages, as {@link Concrete#describe} renders a value.
   *
   * @return e.g. {@code {a: int}}
   */
  String describe();
}
