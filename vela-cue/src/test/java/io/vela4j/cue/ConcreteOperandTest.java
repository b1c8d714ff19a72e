package io.vela4j.cue;

import static io.vela4j.cue.CueTestSupport.assertExports;
import static io.vela4j.cue.CueTestSupport.compileError;
import static io.vela4j.cue.CueTestSupport.exportError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An operand written as a type, {@code _} or a bound can never be concrete: CUE's compiler rejects
 * the program (assertConcreteIsPossible in internal/core/compile, present in v0.4 and after v0.14),
 * even inside a disjunct that would otherwise be dropped. Answers checked with cue-oracle.
 */
class ConcreteOperandTest {

  @Test
  void aTypeOperandIsACompileError() {
    CueException e = compileError("x: 1 | (2 >= string)");
    assertThat(e.errors().get(0).message())
        .isEqualTo("invalid operand string ('>=' requires concrete value)");
    assertThat(e.errors().get(0).positions().get(0).column()).isEqualTo(14);
    assertThat(compileError("x: int * 2").errors().get(0).message())
        .isEqualTo("invalid operand int ('*' requires concrete value)");
    assertThat(compileError("x: _ == 1").errors().get(0).message())
        .isEqualTo("invalid operand _ ('==' requires concrete value)");
    assertThat(compileError("x: \"a\" =~ string").errors().get(0).message())
        .isEqualTo("invalid operand string ('=~' requires concrete value)");
    assertThat(compileError("x: 1 + >=2").errors().get(0).message()).contains("'+'");
  }

  @Test
  void referencesBottomAndUnificationAreNotChecked() {
    assertExports("x: 3 == _|_", "{\"x\":false}");
    assertExports("x: 1 & int", "{\"x\":1}");
    // A reference to a type is only incomplete at run time.
    assertThat(exportError("a: string, x: a + \"x\"").errors())
        .allSatisfy(err -> assertThat(err.kind()).isEqualTo(CueError.Kind.INCOMPLETE));
  }
}
