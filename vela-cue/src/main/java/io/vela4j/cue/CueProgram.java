package io.vela4j.cue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A compiled CUE program: immutable and thread-safe; evaluating it never re-parses the source. One
 * program may be evaluated concurrently from many threads with different inputs.
 */
public interface CueProgram {

  /**
   * Evaluates the program. Fatal errors (conflicts etc.) do not throw here; they surface on {@link
   * CueValue#export()} and {@link CueValue#validate()}.
   *
   * @return the evaluated root value
   * @throws CueException only if an evaluation limit is exceeded in a way that leaves no value
   */
  CueValue evaluate();

  /**
   * Evaluates the program with JSON values unified at the given dot-separated paths first, e.g.
   * {@code {"parameter": {...}, "context": {...}}}. JSON objects become open structs, integral
   * numbers ints, other numbers decimals.
   *
   * @param fills the values to unify in, by path; iteration order is irrelevant
   * @return the evaluated root value
   */
  CueValue evaluate(Map<String, JsonNode> fills);
}
