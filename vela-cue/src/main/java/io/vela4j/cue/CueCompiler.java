package io.vela4j.cue;

import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.eval.Programs;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Compiles CUE source into {@link CueProgram}s; immutable and thread-safe. Every program a compiler
 * makes is evaluated within the compiler's {@link Limits}: input that would exceed one (a string
 * that doubles per reference, a number with millions of digits, a value nested too deeply, an
 * evaluation that never ends) fails with a {@link CueException} of kind {@code LIMIT} whose message
 * names the limit, e.g. {@code string length limit 16777216 exceeded
 * (CueCompiler.Limits.maxStringLength)}, instead of running out of memory or time.
 */
public final class CueCompiler {

  private static final CueCompiler INSTANCE = new CueCompiler(Limits.DEFAULTS);

  private final Limits limits;

  private CueCompiler(Limits limits) {
    this.limits = limits;
  }

  /**
   * Returns a compiler with the {@linkplain Limits#defaults() default limits}.
   *
   * @return a compiler (shared; it has no state)
   */
  public static CueCompiler create() {
    return INSTANCE;
  }

  /**
   * Returns a factory of threads for running many compilations and evaluations in parallel in a
   * pool of one's own (a batch, a controller's workers). Compiling and evaluating recurse over
   * their input's nesting, so this library hands such work to a shared pool of threads with a large
   * stack (1 GiB reserved, committed only as it is used), at tens of microseconds per hand-off:
   * every compilation, and the first evaluations and reads of each program (later ones of a shallow
   * program run on the caller's stack). Work started on a thread of this factory runs in place, on
   * its own large stack. The threads are daemon threads named {@code namePrefix-1}, {@code
   * namePrefix-2}, and so on.
   *
   * @param namePrefix the threads' name before the number
   * @return a new factory
   */
  public static ThreadFactory threadFactory(String namePrefix) {
    return LargeStack.threads(namePrefix);
  }

  /**
   * Returns a compiler whose programs are evaluated within the given limits.
   *
   * @param limits the limits
   * @return a new compiler; this one is unchanged
   */
  public CueCompiler withLimits(Limits limits) {
    return new CueCompiler(java.util.Objects.requireNonNull(limits, "limits"));
  }

  /**
   * Returns the limits of the programs this compiler makes.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * The resource limits of evaluating a program; immutable. Start from {@link #defaults()} and
   * change single limits with the {@code with...} methods. The defaults let any realistic
   * configuration through (KubeVela's templates use a tiny fraction of each) while keeping one
   * evaluation of hostile input within seconds and a few hundred megabytes of heap.
   */
  public static final class Limits {
    static final Limits DEFAULTS =
        new Limits(20_000, 100_000_000L, 2_000_000L, 16L << 20, 100_000, 1024, 512L << 20);

    private final int maxDepth;
    private final long maxSteps;
    private final long maxValues;
    private final long maxStringLength;
    private final int maxNumberDigits;
    private final int maxDisjuncts;
    private final long maxOutputSize;

    private Limits(
        int maxDepth,
        long maxSteps,
        long maxValues,
        long maxStringLength,
        int maxNumberDigits,
        int maxDisjuncts,
        long maxOutputSize) {
      this.maxDepth = positive(maxDepth, "maxDepth");
      this.maxSteps = positive(maxSteps, "maxSteps");
      this.maxValues = positive(maxValues, "maxValues");
      this.maxStringLength = positive(maxStringLength, "maxStringLength");
      this.maxNumberDigits = positive(maxNumberDigits, "maxNumberDigits");
      this.maxDisjuncts = positive(maxDisjuncts, "maxDisjuncts");
      this.maxOutputSize = positive(maxOutputSize, "maxOutputSize");
    }

    private static int positive(int n, String name) {
      return (int) positive((long) n, name);
    }

    private static long positive(long n, String name) {
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + n);
      }
      return n;
    }

    /**
     * Returns the default limits: depth 20,000, steps 100,000,000, values 2,000,000, string length
     * 16,777,216 (16 Mi chars), number digits 100,000, disjuncts 1,024, output size 536,870,912
     * (512 Mi chars).
     *
     * @return the defaults
     */
    public static Limits defaults() {
      return DEFAULTS;
    }

    /**
     * The deepest a field or list element may be nested below the root. Default 20,000.
     *
     * @return the depth limit
     */
    public int maxDepth() {
      return maxDepth;
    }

    /**
     * The most evaluation steps (conjuncts added, vertices evaluated) of one evaluation: the bound
     * on its time. Default 100,000,000 (tens of seconds at most; a KubeVela template takes a few
     * thousand).
     *
     * @return the step limit
     */
    public long maxSteps() {
      return maxSteps;
    }

    /**
     * The most values (fields, list elements, disjuncts: the evaluator's vertices) one evaluation
     * may create: the bound on its memory. Default 2,000,000.
     *
     * @return the value limit
     */
    public long maxValues() {
      return maxValues;
    }

    /**
     * The longest string or bytes value, in chars (bytes for bytes values), that evaluation may
     * create. Default 16,777,216. A setting above the longest string the JVM can make ({@code
     * Integer.MAX_VALUE - 8}) acts as that.
     *
     * @return the string length limit
     */
    public long maxStringLength() {
      return maxStringLength;
    }

    /**
     * The most decimal digits of a number that evaluation may create (by arithmetic or a builtin).
     * Default 100,000.
     *
     * @return the digit limit
     */
    public int maxNumberDigits() {
      return maxNumberDigits;
    }

    /**
     * The largest cross product of the disjunctions of one value. Default 1,024.
     *
     * @return the disjunct limit
     */
    public int maxDisjuncts() {
      return maxDisjuncts;
    }

    /**
     * The largest exported value, in chars of its JSON text: compact for {@link CueValue#export()},
     * and as {@link CueValue#exportJson()} and {@link CueValue#exportYaml()} print it (with 4-space
     * indentation, which grows with the square of the nesting depth) for those. Default 536,870,912
     * (512 Mi: enough for a value nested 10,000 levels deep, whose indented text has 400 Mi).
     *
     * @return the output size limit
     */
    public long maxOutputSize() {
      return maxOutputSize;
    }

    /**
     * Returns these limits with another depth limit.
     *
     * @param n the deepest nesting, positive
     * @return new limits
     */
    public Limits withMaxDepth(int n) {
      return new Limits(
          n, maxSteps, maxValues, maxStringLength, maxNumberDigits, maxDisjuncts, maxOutputSize);
    }

    /**
     * Returns these limits with another step limit.
     *
     * @param n the most steps, positive
     * @return new limits
     */
    public Limits withMaxSteps(long n) {
      return new Limits(
          maxDepth, n, maxValues, maxStringLength, maxNumberDigits, maxDisjuncts, maxOutputSize);
    }

    /**
     * Returns these limits with another value limit.
     *
     * @param n the most values, positive
     * @return new limits
     */
    public Limits withMaxValues(long n) {
      return new Limits(
          maxDepth, maxSteps, n, maxStringLength, maxNumberDigits, maxDisjuncts, maxOutputSize);
    }

    /**
     * Returns these limits with another string length limit.
     *
     * @param n the longest string, positive
     * @return new limits
     */
    public Limits withMaxStringLength(long n) {
      return new Limits(
          maxDepth, maxSteps, maxValues, n, maxNumberDigits, maxDisjuncts, maxOutputSize);
    }

    /**
     * Returns these limits with another digit limit.
     *
     * @param n the most digits, positive
     * @return new limits
     */
    public Limits withMaxNumberDigits(int n) {
      return new Limits(
          maxDepth, maxSteps, maxValues, maxStringLength, n, maxDisjuncts, maxOutputSize);
    }

    /**
     * Returns these limits with another disjunct limit.
     *
     * @param n the largest cross product, positive
     * @return new limits
     */
    public Limits withMaxDisjuncts(int n) {
      return new Limits(
          maxDepth, maxSteps, maxValues, maxStringLength, maxNumberDigits, n, maxOutputSize);
    }

    /**
     * Returns these limits with another output size limit.
     *
     * @param n the largest output, positive
     * @return new limits
     */
    public Limits withMaxOutputSize(long n) {
      return new Limits(
          maxDepth, maxSteps, maxValues, maxStringLength, maxNumberDigits, maxDisjuncts, n);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Limits l
          && l.maxDepth == maxDepth
          && l.maxSteps == maxSteps
          && l.maxValues == maxValues
          && l.maxStringLength == maxStringLength
          && l.maxNumberDigits == maxNumberDigits
          && l.maxDisjuncts == maxDisjuncts
          && l.maxOutputSize == maxOutputSize;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          maxDepth,
          maxSteps,
          maxValues,
          maxStringLength,
          maxNumberDigits,
          maxDisjuncts,
          maxOutputSize);
    }

    @Override
    public String toString() {
      return "Limits[maxDepth="
          + maxDepth
          + ", maxSteps="
          + maxSteps
          + ", maxValues="
          + maxValues
          + ", maxStringLength="
          + maxStringLength
          + ", maxNumberDigits="
          + maxNumberDigits
          + ", maxDisjuncts="
          + maxDisjuncts
          + ", maxOutputSize="
          + maxOutputSize
          + "]";
    }
  }

  /**
   * Parses and compiles one file.
   *
   * @param filename the file name used in positions and error messages
   * @param source the CUE source
   * @return the compiled program
   * @throws CueException with kind {@code SYNTAX} (or {@code REFERENCE} etc.) on error
   */
  public CueProgram compile(String filename, String source) {
    return Programs.compile(filename, source, limits);
  }

  /**
   * Parses and compiles the files of one CUE package into one program, as {@code cue export} treats
   * a package: the top-level fields of all files share one scope (a file may refer to a field
   * declared in another) and are unified; imports and {@code let}s stay local to their file. Every
   * file that has a package clause must name the same package. (Files without a package clause are
   * separate instances for the {@code cue} tool: compile them one by one and unify their values
   * instead.)
   *
   * @param files file name to source text; the iteration order is the order of the files (use a
   *     {@link java.util.LinkedHashMap}), which decides the export order of fields declared in
   *     several files
   * @return the compiled program
   * @throws CueException on syntax or compile errors, or when the files name different packages
   * @throws IllegalArgumentException if {@code files} is empty
   */
  public CueProgram compile(Map<String, String> files) {
    return Programs.compile(files, limits);
  }
}
