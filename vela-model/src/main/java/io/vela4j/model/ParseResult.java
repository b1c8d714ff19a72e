package io.vela4j.model;

import java.util.List;

/**
 * Everything read from one input: the documents that could be bound, and every diagnostic (errors
 * and warnings, with positions). Documents with errors are left out of {@link #documents()}, so a
 * caller that ignores {@link #hasErrors()} never sees a half-read object.
 *
 * <p>{@link #rejected()} holds documents that had errors, bound with the offending values left out,
 * so that a validator can still report the problems that remain (a dependency cycle next to a
 * wrongly typed field). They are never valid objects: use them for diagnostics only.
 *
 * @param documents the objects read without error, in input order
 * @param diagnostics every problem found, in input order
 * @param rejected documents with errors, partially bound, for further diagnostics only
 */
public record ParseResult(
    List<ParsedDocument> documents, List<Diagnostic> diagnostics, List<ParsedDocument> rejected) {
  /** Copies the lists. */
  public ParseResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
    rejected = List.copyOf(rejected);
  }

  /** A result with no rejected documents. */
  public ParseResult(List<ParsedDocument> documents, List<Diagnostic> diagnostics) {
    this(documents, diagnostics, List.of());
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The documents, or a {@link ReadException} listing every diagnostic when there was an error. */
  public List<ParsedDocument> orThrow() {
    if (hasErrors()) {
      throw new ReadException(diagnostics);
    }
    return documents;
  }
}
