package io.vela4j.cue.internal.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry of builtin packages, each registered at its first lookup. */
class BuiltinsRegistryTest {
  private static final List<String> PATHS =
      List.of(
          "strings",
          "strconv",
          "list",
          "math",
          "encoding/json",
          "encoding/yaml",
          "encoding/base64",
          "regexp",
          "struct");

  @Test
  void everyKnownPackageHasItsMembers() {
    for (String path : PATHS) {
      assertThat(Builtins.isKnownPackage(path)).as(path).isTrue();
      assertThat(Builtins.members(path)).as(path).isNotEmpty().isSorted();
      for (String name : Builtins.members(path)) {
        assertThat(Builtins.lookup(path, name)).as(path + "." + name).isPresent();
      }
    }
    assertThat(Builtins.lookup("strings", "ToUpper")).isPresent();
    assertThat(Builtins.lookup("encoding/json", "Marshal")).isPresent();
    assertThat(Builtins.lookup("struct", "MinFields")).isPresent();
  }

  @Test
  void unknownPackagesAndMembersAreAbsent() {
    assertThat(Builtins.isKnownPackage("net")).isFalse();
    assertThat(Builtins.isKnownPackage("encoding")).isFalse();
    assertThat(Builtins.members("net")).isEmpty();
    assertThat(Builtins.lookup("net", "IP")).isEmpty();
    assertThat(Builtins.lookup("strings", "NoSuchFunction")).isEmpty();
  }
}
