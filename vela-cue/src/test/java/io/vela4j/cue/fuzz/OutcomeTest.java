package io.vela4j.cue.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** What the fuzzer's shrinker keeps of a mismatch ({@link Outcome#mismatchWith}). */
class OutcomeTest {

  private static Outcome json(String text) throws JsonProcessingException {
    return Outcome.exported(Outcome.MAPPER.readTree(text));
  }

  @Test
  void differentJsonIsAboutTheFirstPathThatDiffers() throws JsonProcessingException {
    Outcome ours = json("{\"a\": 1, \"b\": {\"c\": [1, 2]}, \"d\": true}");
    Outcome ref = json("{\"d\": true, \"a\": 1.0, \"b\": {\"c\": [1, 3]}}");

    assertThat(ours.mismatchWith(ref)).isEqualTo("json differs at a");
    assertThat(
            json("{\"a\": 1, \"b\": {\"c\": [1, 2]}}")
                .mismatchWith(json("{\"a\": 1, \"b\": {\"c\": [1]}}")))
        .isEqualTo("json differs at b.c.length");
    assertThat(json("{\"a\": 1}").mismatchWith(json("{\"a\": 1, \"z\": 2}")))
        .isEqualTo("json differs at z");
  }

  @Test
  void aRejectionIsAboutTheRejectingSidesFirstLineWithoutPositions()
      throws JsonProcessingException {
    Outcome ref =
        Outcome.rejected(
            "v2: invalid value -1 (out of bound >=0) (and 2 more errors):\n    ./p.cue:3:10\n");
    Outcome ours = json("{\"v2\": false}");

    assertThat(ours.mismatchWith(ref))
        .isEqualTo("reference rejects: v2: invalid value -1 (out of bound >=0):");
    assertThat(Outcome.rejected("p.cue:3:5: x: undefined field y").mismatchWith(ours))
        .isEqualTo("vela-cue rejects: x: undefined field y");
  }
}
