package io.vela4j.cue.internal.eval;

import io.vela4j.cue.internal.builtins.Builtin;
import io.vela4j.cue.internal.builtins.BuiltinException;
import io.vela4j.cue.internal.builtins.Builtins;
import java.util.List;
import java.util.Optional;

/** The evaluator's view of the builtin packages. */
final class BuiltinCalls {
  private BuiltinCalls() {}

  static boolean isKnownPackage(String path) {
    return Builtins.isKnownPackage(path);
  }

  static boolean exists(String path, String name) {
    return Builtins.lookup(path, name).isPresent();
  }

  static boolean isConstant(String path, String name) {
    return Builtins.lookup(path, name).map(Builtin::isConstant).orElse(false);
  }

  static Object constant(String path, String name) {
    return Builtins.lookup(path, name).orElseThrow().call(List.of());
  }

  static boolean isValidatorCall(String path, String name, int nargs) {
    Optional<Builtin> b = Builtins.lookup(path, name);
    return b.isPresent() && b.get().isValidator() && nargs == b.get().minArgs() - 1;
  }

  static Object call(String path, String name, List<Object> args) {
    Optional<Builtin> b = Builtins.lookup(path, name);
    if (b.isEmpty()) {
      throw new BuiltinException("undefined: " + Builtins.packageName(path) + "." + name);
    }
    Builtin f = b.get();
    if (args.size() < f.minArgs() || (f.maxArgs() >= 0 && args.size() > f.maxArgs())) {
      throw new BuiltinException(
          "wrong number of arguments: got " + args.size() + ", want " + f.minArgs());
    }
    return f.call(args);
  }
}
