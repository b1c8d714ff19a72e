package io.vela4j.cue.internal.syntax;

/**
 * A CUE syntax error: the position and what was expected or found. The message is {@code
 * file:line:column: description}.
 */
public final class SyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Ast.Pos pos;
  private final String description;

  /** Creates an error at {@code pos}. */
  public SyntaxError(Ast.Pos pos, String description) {
    super(pos + ": " + description, null, false, false);
    this.pos = pos;
    this.description = description;
  }

  /** The position of the error. */
  public Ast.Pos pos() {
    return pos;
  }

  /** The description without the position, e.g. {@code expected '}', found 'EOF'}. */
  public String description() {
    return description;
  }
}
