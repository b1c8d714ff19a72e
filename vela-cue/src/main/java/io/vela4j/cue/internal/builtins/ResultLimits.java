package io.vela4j.cue.internal.builtins;

/**
 * The sizes a builtin's result may reach, from the evaluation's {@code CueCompiler.Limits}: a
 * builtin that can make a result much larger than its arguments ({@code strings.Repeat}, {@code
 * strings.Replace}, {@code strings.Join}, {@code list.Repeat}, {@code list.Range}) checks the size
 * before it builds the result, so that the limit ends the call instead of the JVM's memory.
 *
 * @param maxStringLength the most chars of a string or bytes result ({@code maxStringLength})
 * @param maxValues the most elements of a list result ({@code maxValues})
 */
public record ResultLimits(long maxStringLength, long maxValues) {
  /** No limit beyond the JVM's own (for calls outside an evaluation, such as tests). */
  public static final ResultLimits NONE = new ResultLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

  /**
   * Checks that a string result of {@code length} chars may be made.
   *
   * @param length the length the result would have
   * @throws BuiltinException a {@linkplain BuiltinException#isLimit() limit} error naming the
   *     setting
   */
  public void checkString(long length) {
    if (length > maxStringLength) {
      throw BuiltinException.limit(stringTooLong(maxStringLength, length, "result"));
    }
  }

  /**
   * The one message for a string or bytes value longer than {@code maxStringLength}, for builtins
   * and for the evaluator's own operators.
   *
   * @param max the limit
   * @param length the length the string would have
   * @param what what would have it: {@code "value"} or {@code "result"}
   * @return the message, naming the setting
   */
  public static String stringTooLong(long max, long length, String what) {
    return "string length limit "
        + max
        + " exceeded (CueCompiler.Limits.maxStringLength): the "
        + what
        + " would have "
        + length
        + " chars";
  }

  /**
   * Checks that a list result of {@code count} elements may be made.
   *
   * @param count the number of elements the result would have
   * @throws BuiltinException a {@linkplain BuiltinException#isLimit() limit} error naming the
   *     setting
   */
  public void checkValues(long count) {
    if (count > maxValues) {
      throw BuiltinException.limit(
          "value count limit "
              + maxValues
              + " exceeded (CueCompiler.Limits.maxValues): the result would have "
              + count
              + " elements");
    }
  }
}
