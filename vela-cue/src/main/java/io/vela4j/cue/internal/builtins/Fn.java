package io.vela4j.cue.internal.builtins;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A builtin backed by a lambda; arity is checked before the body runs. */
record Fn(
    String name,
    int minArgs,
    int maxArgs,
    boolean isConstant,
    boolean isValidator,
    BiFunction<List<Object>, ResultLimits, Object> body)
    implements Builtin {

  static Fn of(String name, int arity, Function<List<Object>, Object> body) {
    return new Fn(name, arity, arity, false, false, (a, l) -> body.apply(a));
  }

  /** A builtin whose result can grow far beyond its arguments: it checks {@link ResultLimits}. */
  static Fn sized(String name, int arity, BiFunction<List<Object>, ResultLimits, Object> body) {
    return new Fn(name, arity, arity, false, false, body);
  }

  static Fn range(String name, int min, int max, Function<List<Object>, Object> body) {
    return new Fn(name, min, max, false, false, (a, l) -> body.apply(a));
  }

  static Fn validator(String name, int arity, Function<List<Object>, Object> body) {
    return new Fn(name, arity, arity, false, true, (a, l) -> body.apply(a));
  }

  static Fn constant(String name, Object value) {
    return new Fn(name, 0, 0, true, false, (args, l) -> value);
  }

  @Override
  public Object call(List<Object> args) {
    return call(args, ResultLimits.NONE);
  }

  @Override
  public Object call(List<Object> args, ResultLimits limits) {
    if (args.size() < minArgs || (maxArgs >= 0 && args.size() > maxArgs)) {
      throw new BuiltinException(
          (args.size() < minArgs ? "not enough" : "too many")
              + " arguments in call to "
              + name
              + " (have "
              + args.size()
              + ", want "
              + (minArgs == maxArgs ? Integer.toString(minArgs) : minArgs + ".." + maxArgs)
              + ")");
    }
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) == null) {
        throw new IllegalArgumentException("argument " + (i + 1) + " to " + name + " is Java null");
      }
    }
    return body.apply(args, limits);
  }
}
