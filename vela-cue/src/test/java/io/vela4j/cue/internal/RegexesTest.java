package io.vela4j.cue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RegexesTest {
  @Test
  void anExpressionIsCompiledOnceAndSharedUnlessItIsLongOrInvalid() {
    var p = Regexes.compile("^v[0-9]+$");
    assertThat(Regexes.compile(new String("^v[0-9]+$"))).isSameAs(p);
    assertThat(p.matcher("v12").find()).isTrue();
    String longOne = "a".repeat(5000);
    assertThat(Regexes.compile(longOne)).isNotSameAs(Regexes.compile(longOne));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Regexes.compile("(")).isInstanceOf(PatternSyntaxException.class);
    }
  }

  @Test
  void expressionsWithoutEndDoNotGrowTheCacheWithoutBound() {
    for (int i = 0; i < 5000; i++) {
      assertThat(Regexes.compile("^x" + i + "$").matcher("x" + i).find()).isTrue();
      assertThat(Regexes.cachedCount()).isLessThanOrEqualTo(512);
    }
  }
}
