package io.vela4j.cue.internal.builtins;

import java.util.Map;

/** CUE's {@code struct} package: the field-count validators on a struct's regular fields. */
final class StructPackage {
  private StructPackage() {}

  static void register(Map<String, Builtin> m) {
    m.put(
        "MinFields",
        Fn.validator(
            "struct.MinFields",
            2,
            a -> {
              int count = Args.struct("struct.MinFields", a, 0).size();
              int n = Args.intValue("struct.MinFields", a, 1);
              if (count < n) {
                throw new BuiltinException(
                    "len(fields) < MinFields(" + n + ") (" + count + " < " + n + ")");
              }
              return true;
            }));
    m.put(
        "MaxFields",
        Fn.validator(
            "struct.MaxFields",
            2,
            a -> {
              int count = Args.struct("struct.MaxFields", a, 0).size();
              int n = Args.intValue("struct.MaxFields", a, 1);
              if (count > n) {
                throw new BuiltinException(
                    "len(fields) > MaxFields(" + n + ") (" + count + " > " + n + ")");
              }
              return true;
            }));
  }
}
