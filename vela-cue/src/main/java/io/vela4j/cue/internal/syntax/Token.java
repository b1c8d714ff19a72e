package io.vela4j.cue.internal.syntax;

import java.util.List;

/** One lexical token; immutable. */
class Token {

  /** Token kinds. */
  enum Kind {
    EOF("EOF"),
    COMMA(","),
    IDENT("identifier"),
    INT("integer"),
    FLOAT("float"),
    /** A complete string literal, or the last part of an interpolated one. */
    STRING("string"),
    /** A string part ending in {@code \(}: an interpolation follows. */
    INTERP("interpolation"),
    ATTRIBUTE("attribute"),
    BOTTOM("_|_"),
    ELLIPSIS("..."),
    LPAREN("("),
    RPAREN(")"),
    LBRACK("["),
    RBRACK("]"),
    LBRACE("{"),
    RBRACE("}"),
    COLON(":"),
    QUESTION("?"),
    PERIOD("."),
    ASSIGN("="),
    OR("|"),
    AND("&"),
    LOR("||"),
    LAND("&&"),
    EQL("=="),
    NEQ("!="),
    LSS("<"),
    LEQ("<="),
    GTR(">"),
    GEQ(">="),
    MAT("=~"),
    NMAT("!~"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    QUO("/"),
    NOT("!");

    final String display;

    Kind(String display) {
      this.display = display;
    }
  }

  /**
   * Shape of a string literal being scanned.
   *
   * @param quote {@code '"'} or {@code '\''}
   * @param multiline triple quotes
   * @param hashes number of {@code #} around the literal
   * @param start offset of the first {@code #} or quote
   */
  record StringShape(char quote, boolean multiline, int hashes, int start) {
    boolean bytes() {
      return quote == '\'';
    }
  }

  final Kind kind;
  final int start;
  final int end;
  final String text;

  /** For COMMA: inserted at a newline or EOF rather than written. */
  final boolean inserted;

  /** Doc comments directly above this token. */
  final List<Ast.Comment> docs;

  Token(Kind kind, int start, int end, String text, boolean inserted, List<Ast.Comment> docs) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.text = text;
    this.inserted = inserted;
    this.docs = docs;
  }

  /**
   * A STRING or INTERP token: a part of a string literal. Other tokens, by far the most, do not
   * carry these fields.
   */
  static final class Str extends Token {
    /** The literal's shape. */
    final StringShape shape;

    /** The raw content range of this part, [contentStart, contentEnd). */
    final int contentStart;

    final int contentEnd;

    /** For the final multi-line STRING part: the indentation before the closing quotes. */
    final String indent;

    Str(
        Kind kind,
        int start,
        int end,
        String text,
        List<Ast.Comment> docs,
        StringShape shape,
        int contentStart,
        int contentEnd,
        String indent) {
      super(kind, start, end, text, false, docs);
      this.shape = shape;
      this.contentStart = contentStart;
      this.contentEnd = contentEnd;
      this.indent = indent;
    }
  }

  String describe() {
    if (kind == Kind.EOF) {
      return "EOF";
    }
    if (kind == Kind.COMMA && inserted) {
      return "newline";
    }
    String t = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return t.replace("\r", "\\r").replace("\n", "\\n");
  }
}
