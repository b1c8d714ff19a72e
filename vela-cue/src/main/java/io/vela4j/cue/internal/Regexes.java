package io.vela4j.cue.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled regular expressions (RE2/J), shared by every evaluation of every program: the regular
 * expressions of a template are the same in each of its evaluations ({@code name: =~"^[a-z]"}, a
 * pattern constraint, {@code regexp.Match("^v", x)}), and compiling one costs more than most of
 * what it is used for.
 *
 * <p>Algorithm: a concurrent map from the expression to its {@link Pattern}, which RE2/J makes
 * immutable and safe to share between threads (its matching machines are pooled per pattern). The
 * map is bounded so that a program making new expressions without end (interpolated into a
 * comprehension over a long list) cannot grow it: past {@value #MAX_ENTRIES} entries it is emptied
 * and fills again, and an expression longer than {@value #MAX_LENGTH} chars is compiled each time,
 * not kept. An invalid expression is never kept: it fails each time with the same exception.
 */
public final class Regexes {
  private static final int MAX_ENTRIES = 512;
  private static final int MAX_LENGTH = 4096;
  private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private Regexes() {}

  /**
   * The compiled form of a regular expression.
   *
   * @param re the expression, in RE2 syntax
   * @return the pattern
   * @throws PatternSyntaxException if the expression is invalid
   */
  public static Pattern compile(String re) {
    Pattern p = CACHE.get(re);
    if (p != null) {
      return p;
    }
    p = Pattern.compile(re);
    if (re.length() <= MAX_LENGTH) {
      if (CACHE.size() >= MAX_ENTRIES) {
        CACHE.clear();
      }
      CACHE.putIfAbsent(re, p);
    }
    return p;
  }

  /** How many expressions are kept (for tests). */
  static int cachedCount() {
    return CACHE.size();
  }
}
