package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueCompiler;
import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.builtins.ResultLimits;
import io.vela4j.cue.internal.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The size limits of one evaluation ({@link CueCompiler.Limits}) on the values it creates: the
 * length of strings and bytes, and the number of digits of numbers.
 *
 * <p>A value that doubles per reference ({@code s1: "\(s0)\(s0)"}, {@code x1: x0 * x0}) grows
 * exponentially in the number of lines, so no bound on steps or values stops it before memory runs
 * out. Every operation that can make a value larger than its operands checks the size of its result
 * <em>before</em> building it, from the sizes of its operands: concatenation and interpolation add
 * lengths, repetition multiplies them, multiplication adds bit lengths, exponentiation multiplies
 * them. Builtins, whose results are built by the builtin, are checked on return (each builtin that
 * can grow a value caps its own work as well). The error names the limit and how to raise it; its
 * path is the field whose value would have been too large.
 */
final class EvalLimits {
  /** The longest string the JVM makes (an array's length limit). */
  private static final long MAX_JAVA_STRING = Integer.MAX_VALUE - 8;

  /** Bits per decimal digit, rounded up: log2(10). */
  private static final double BITS_PER_DIGIT = 3.3219280948873626;

  final long maxStringLength;
  final int maxNumberDigits;
  final long maxOutputSize;
  private final long maxNumberBits;

  /** The sizes a builtin's result may reach. */
  final ResultLimits forBuiltins;

  EvalLimits(CueCompiler.Limits limits) {
    // no Java string is longer than an array can be, whatever the setting allows
    this.maxStringLength = Math.min(limits.maxStringLength(), MAX_JAVA_STRING);
    this.forBuiltins = new ResultLimits(maxStringLength, limits.maxValues());
    this.maxNumberDigits = limits.maxNumberDigits();
    this.maxOutputSize = limits.maxOutputSize();
    this.maxNumberBits = (long) Math.ceil(maxNumberDigits * BITS_PER_DIGIT) + 1;
  }

  /** Checks that a string or bytes value of {@code length} chars may be created. */
  void checkString(long length, Ast.@Nullable Pos pos) {
    if (length > maxStringLength) {
      throw new BottomEx(
          Atom.Bottom.fatal(
              CueError.Kind.LIMIT,
              ResultLimits.stringTooLong(maxStringLength, length, "value"),
              pos));
    }
  }

  /** Checks that a number of about {@code bits} bits (of its unscaled value) may be created. */
  void checkNumberBits(long bits, Ast.@Nullable Pos pos) {
    if (bits > maxNumberBits) {
      throw tooManyDigits(Math.round(bits / BITS_PER_DIGIT), pos);
    }
  }

  /** Checks a number just created (by a builtin or a literal). */
  void checkNumber(BigDecimal d, Ast.@Nullable Pos pos) {
    BigInteger u = d.unscaledValue();
    checkNumberBits(u.bitLength(), pos);
    if (Math.abs((long) d.scale()) > maxNumberDigits) {
      throw tooManyDigits(Math.abs((long) d.scale()), pos);
    }
  }

  /** The bit length of a number's unscaled value. */
  static long bits(BigDecimal d) {
    return d.unscaledValue().bitLength();
  }

  private BottomEx tooManyDigits(long digits, Ast.@Nullable Pos pos) {
    return new BottomEx(
        Atom.Bottom.fatal(
            CueError.Kind.LIMIT,
            "number size limit "
                + maxNumberDigits
                + " digits exceeded (CueCompiler.Limits.maxNumberDigits): the value would have "
                + "about "
                + digits
                + " digits",
            pos));
  }

  /** Checks an atom just created by a builtin. */
  void checkAtom(Atom a, Ast.@Nullable Pos pos) {
    if (a instanceof Atom.Str s) {
      checkString(s.s().length(), pos);
    } else if (a instanceof Atom.Bytes b) {
      checkString(b.b().length, pos);
    } else if (a instanceof Atom.Num n) {
      checkNumber(n.d(), pos);
    }
  }
}
