package io.vela4j.cue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Helpers for evaluator tests. */
final class CueTestSupport {
  private CueTestSupport() {}

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  static CueValue eval(String src) {
    return CueCompiler.create().compile("test.cue", src).evaluate();
  }

  /** Exports and compares with the expected JSON (ignoring key order). */
  static void assertExports(String src, String expectedJson) {
    JsonNode got = eval(src).export();
    try {
      assertThat(JSON.readTree(got.toString())).isEqualTo(JSON.readTree(expectedJson));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static CueException exportError(String src) {
    CueException e = catchThrowableOfType(CueException.class, () -> eval(src).export());
    assertThat(e).as("export of %s should fail", src).isNotNull();
    return e;
  }

  static CueException compileError(String src) {
    CueException e =
        catchThrowableOfType(
            CueException.class, () -> CueCompiler.create().compile("test.cue", src));
    assertThat(e).as("compile of %s should fail", src).isNotNull();
    return e;
  }
}
