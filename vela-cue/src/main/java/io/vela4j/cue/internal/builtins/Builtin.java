package io.vela4j.cue.internal.builtins;

import java.util.List;

/**
 * One member of a builtin package: a function such as {@code strings.ToLower}, or a constant such
 * as {@code math.Pi} or {@code list.Ascending} ({@link #isConstant()}; its value is {@code
 * call(List.of())}).
 *
 * <p>Arguments and results are concrete values as described by {@link Concrete}. Implementations
 * are stateless and thread-safe.
 */
public interface Builtin {

  /**
   * The qualified name used in messages, e.g. {@code strings.ToLower}.
   *
   * @return the package-qualified name
   */
  String name();

  /**
   * The smallest accepted number of arguments.
   *
   * @return the minimum arity
   */
  int minArgs();

  /**
   * The largest accepted number of arguments, or -1 when variadic.
   *
   * @return the maximum arity
   */
  int maxArgs();

  /**
   * Calls the function.
   *
   * @param args concrete arguments (see {@link Concrete})
   * @return the concrete result
   * @throws BuiltinException when an argument has the wrong type or value, or the call fails
   */
  Object call(List<Object> args);

  /**
   * Calls the function within the sizes its result may reach; builtins whose results can grow far
   * beyond their arguments check them, the others ignore them.
   *
   * @param args concrete arguments (see {@link Concrete})
   * @param limits the sizes the result may reach
   * @return the concrete result
   * @throws BuiltinException when an argument has the wrong type or value, the call fails, or the
   *     result would exceed a limit ({@link BuiltinException#isLimit()})
   */
  default Object call(List<Object> args, ResultLimits limits) {
    return call(args);
  }

  /**
   * Whether this member is a package-level value (e.g. {@code math.Pi}) rather than a function.
   *
   * @return true for a constant
   */
  default boolean isConstant() {
    return false;
  }

  /**
   * Whether the function is a validator such as {@code strings.MinRunes(3)}: used as a constraint
   * it is called with the constrained value prepended to the written arguments and must return
   * {@code true}. Validators may also be called as plain functions with all arguments.
   *
   * @return true for a validator
   */
  default boolean isValidator() {
    return false;
  }
}
