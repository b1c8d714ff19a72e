package io.vela4j.model;

import java.util.List;

/**
 * The documents of one input read as trees, and every problem found (syntax, encoding, limits,
 * duplicate keys). When reading stopped at a fatal error, {@link #trees()} is empty.
 *
 * @param trees the documents, in input order
 * @param diagnostics the problems, with positions
 */
public record TreeResult(List<LocatedTree> trees, List<Diagnostic> diagnostics) {
  /** Copies both lists. */
  public TreeResult {
    trees = List.copyOf(trees);
    diagnostics = List.copyOf(diagnostics);
  }

  static TreeResult failed(Diagnostic d) {
    return new TreeResult(List.of(), List.of(d));
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The trees, or a {@link ReadException} listing every diagnostic when there was an error. */
  public List<LocatedTree> orThrow() {
    if (hasErrors()) {
      throw new ReadException(diagnostics);
    }
    return trees;
  }
}
