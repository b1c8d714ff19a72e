package io.vela4j.cue.internal.syntax;

import io.vela4j.cue.internal.syntax.Token.Kind;
import io.vela4j.cue.internal.syntax.Token.StringShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CUE scanner: turns source text into tokens on demand, inserting commas at newlines as the
 * spec says, collecting comments and attaching doc comments to the token that follows them.
 *
 * <p>String literals are scanned in parts: a part ending in {@code \(} is an {@link Kind#INTERP}
 * token; after the parser has read the interpolated expression and its closing {@code )}, it calls
 * {@link #continueString(StringShape)} for the next part. Not thread-safe; one per parse.
 */
final class Lexer {
  private final String file;
  private final String src;

  /** The length of {@link #src}. */
  private final int len;

  private final Ast.Lines lines;
  private int pos;
  private boolean insertComma;
  private Kind prevKind = Kind.COMMA;

  /**
   * Offset of the last character of the previous token, -1 before the first (its line decides doc
   * comments).
   */
  private int prevEnd = -1;

  private final List<Ast.Comment> comments = new ArrayList<>();
  private final List<Ast.Comment> pending = new ArrayList<>();
  private int lastLine;
  private Ast.@Nullable Pos lastPos;

  Lexer(String file, String src) {
    this.file = file;
    this.src = src;
    this.len = src.length();
    this.lines = new Ast.Lines(file, src);
    this.pos = src.startsWith("\uFEFF") ? 1 : 0;
  }

  String source() {
    return src;
  }

  /** All comments seen so far, in source order. */
  List<Ast.Comment> comments() {
    return comments;
  }

  /**
   * 1-based line of an offset. Offsets are asked for mostly in source order, so the line of the
   * previous answer, or the one after it, is tried before a binary search.
   */
  int lineOf(int offset) {
    int[] lineStarts = lines.starts();
    int i = lastLine;
    int n = lineStarts.length;
    if (lineStarts[i] <= offset) {
      if (i + 1 == n || offset < lineStarts[i + 1]) {
        return i + 1;
      }
      if (i + 2 == n || offset < lineStarts[i + 2]) {
        lastLine = i + 1;
        return i + 2;
      }
    }
    int j = Arrays.binarySearch(lineStarts, offset);
    int line = j >= 0 ? j + 1 : -j - 1;
    lastLine = line - 1;
    return line;
  }

  /**
   * The position of an offset. A field and its label start at the same offset: the position last
   * made is returned again for the same offset, so that they share one object.
   */
  Ast.Pos pos(int offset) {
    Ast.Pos p = lastPos;
    if (p != null && p.offset() == offset) {
      return p;
    }
    p = new Ast.Pos(lines, offset);
    lastPos = p;
    return p;
  }

  SyntaxError error(int offset, String message) {
    return new SyntaxError(pos(offset), message);
  }

  // -------------------------------------------------------------------------------------------

  /** Scans the next token. */
  Token next() {
    // Skip white space and comments; a newline or comment after a comma-triggering token emits an
    // inserted comma first.
    while (pos < len) {
      char c = src.charAt(pos);
      if (c == '\n') {
        if (insertComma) {
          insertComma = false;
          // Like cue (for JSON compatibility), no comma is inserted when the next line starts
          // with ',' or ':'.
          char after = at(skipBlankLines(pos));
          if (after != ',' && after != ':') {
            return emitInsertedComma(pos);
          }
        }
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '/' && pos + 1 < len && src.charAt(pos + 1) == '/') {
        if (insertComma) {
          insertComma = false;
          return emitInsertedComma(pos);
        }
        int start = pos;
        while (pos < len && src.charAt(pos) != '\n') {
          pos++;
        }
        int textEnd = pos;
        if (textEnd > start && src.charAt(textEnd - 1) == '\r') {
          textEnd--;
        }
        Ast.Comment comment = new Ast.Comment(pos(start), src.substring(start, textEnd));
        comments.add(comment);
        pending.add(comment);
      } else {
        break;
      }
    }
    if (pos >= len) {
      if (insertComma) {
        insertComma = false;
        return emitInsertedComma(pos);
      }
      pending.clear();
      return make(Kind.EOF, pos, pos, List.of());
    }
    int start = pos;
    List<Ast.Comment> docs = takeDocs(start);
    Token t = scan(start, docs);
    prevKind = t.kind;
    prevEnd = Math.max(t.start, t.end - 1);
    insertComma = triggersComma(t.kind);
    return t;
  }

  private Token emitInsertedComma(int at) {
    prevKind = Kind.COMMA;
    return new Token(Kind.COMMA, at, at, "\n", true, List.of());
  }

  private int skipBlankLines(int i) {
    while (i < len) {
      char c = src.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        break;
      }
      i++;
    }
    return i;
  }

  private List<Ast.Comment> takeDocs(int tokenStart) {
    if (pending.isEmpty()) {
      return List.of();
    }
    int expected = lineOf(tokenStart) - 1;
    int from = pending.size();
    for (int i = pending.size() - 1; i >= 0; i--) {
      Ast.Comment c = pending.get(i);
      if (c.pos().line() != expected || (prevEnd >= 0 && c.pos().line() == lineOf(prevEnd))) {
        break;
      }
      from = i;
      expected--;
    }
    List<Ast.Comment> docs = List.copyOf(pending.subList(from, pending.size()));
    pending.clear();
    return docs;
  }

  private static boolean triggersComma(Kind k) {
    switch (k) {
      case IDENT:
      case INT:
      case FLOAT:
      case STRING:
      case BOTTOM:
      case RPAREN:
      case RBRACK:
      case RBRACE:
      case QUESTION:
      case ELLIPSIS:
      case ATTRIBUTE:
        return true;
      default:
        return false;
    }
  }

  /** Whether a float literal may start here (spec: not after an operand-ending token or '.'). */
  private boolean floatAllowed() {
    switch (prevKind) {
      case IDENT:
      case INT:
      case FLOAT:
      case STRING:
      case BOTTOM:
      case RPAREN:
      case RBRACK:
      case RBRACE:
      case QUESTION:
      case PERIOD:
        return false;
      default:
        return true;
    }
  }

  private Token make(Kind kind, int start, int end, List<Ast.Comment> docs) {
    return new Token(kind, start, end, src.substring(start, end), false, docs);
  }

  private char at(int i) {
    return i < len ? src.charAt(i) : '\0';
  }

  /** A token of fixed text (an operator or punctuation): its text is its kind's display text. */
  private Token op(Kind kind, int len, int start, List<Ast.Comment> docs) {
    pos = start + len;
    return new Token(kind, start, pos, kind.display, false, docs);
  }

  private Token scan(int start, List<Ast.Comment> docs) {
    char c = src.charAt(start);
    char c1 = at(start + 1);
    if (c == '_' && c1 == '|' && at(start + 2) == '_') {
      return op(Kind.BOTTOM, 3, start, docs);
    }
    if (c == '#') {
      int h = start;
      while (at(h) == '#') {
        h++;
      }
      if (at(h) == '"' || at(h) == '\'') {
        return scanStringStart(start, h - start, docs);
      }
      if (h == start + 1 && isLetter(codePointAt(h))) {
        return scanIdent(start, docs);
      }
      throw error(start, "invalid character '#'");
    }
    if (c < 128 ? isLetter(c) : isLetter(codePointAt(start))) {
      if (c == '_' && c1 == '#') {
        if (!isLetter(codePointAt(start + 2))) {
          throw error(start, "invalid identifier '_#'");
        }
      }
      return scanIdent(start, docs);
    }
    if (isDecimal(c) || c == '.' && isDecimal(c1) && floatAllowed()) {
      return scanNumber(start, docs);
    }
    switch (c) {
      case '"':
      case '\'':
        return scanStringStart(start, 0, docs);
      case '@':
        return scanAttribute(start, docs);
      case ',':
        return op(Kind.COMMA, 1, start, docs);
      case '(':
        return op(Kind.LPAREN, 1, start, docs);
      case ')':
        return op(Kind.RPAREN, 1, start, docs);
      case '[':
        return op(Kind.LBRACK, 1, start, docs);
      case ']':
        return op(Kind.RBRACK, 1, start, docs);
      case '{':
        return op(Kind.LBRACE, 1, start, docs);
      case '}':
        return op(Kind.RBRACE, 1, start, docs);
      case ':':
        return op(Kind.COLON, 1, start, docs);
      case '?':
        return op(Kind.QUESTION, 1, start, docs);
      case '.':
        if (c1 == '.' && at(start + 2) == '.') {
          return op(Kind.ELLIPSIS, 3, start, docs);
        }
        return op(Kind.PERIOD, 1, start, docs);
      case '=':
        if (c1 == '=') {
          return op(Kind.EQL, 2, start, docs);
        }
        if (c1 == '~') {
          return op(Kind.MAT, 2, start, docs);
        }
        return op(Kind.ASSIGN, 1, start, docs);
      case '!':
        if (c1 == '=') {
          return op(Kind.NEQ, 2, start, docs);
        }
        if (c1 == '~') {
          return op(Kind.NMAT, 2, start, docs);
        }
        return op(Kind.NOT, 1, start, docs);
      case '<':
        return c1 == '=' ? op(Kind.LEQ, 2, start, docs) : op(Kind.LSS, 1, start, docs);
      case '>':
        return c1 == '=' ? op(Kind.GEQ, 2, start, docs) : op(Kind.GTR, 1, start, docs);
      case '|':
        return c1 == '|' ? op(Kind.LOR, 2, start, docs) : op(Kind.OR, 1, start, docs);
      case '&':
        return c1 == '&' ? op(Kind.LAND, 2, start, docs) : op(Kind.AND, 1, start, docs);
      case '+':
        return op(Kind.ADD, 1, start, docs);
      case '-':
        return op(Kind.SUB, 1, start, docs);
      case '*':
        return op(Kind.MUL, 1, start, docs);
      case '/':
        return op(Kind.QUO, 1, start, docs);
      default:
        int cp = codePointAt(start);
        throw error(start, "invalid character " + describeChar(cp));
    }
  }

  private static String describeChar(int cp) {
    String hex = String.format("U+%04X", cp);
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      return hex;
    }
    return hex + " '" + new String(Character.toChars(cp)) + "'";
  }

  private int codePointAt(int i) {
    return i < len ? src.codePointAt(i) : -1;
  }

  static boolean isLetter(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp == '_' || cp == '$';
    }
    return Character.isLetter(cp);
  }

  private static boolean isDecimal(char c) {
    return c >= '0' && c <= '9';
  }

  private Token scanIdent(int start, List<Ast.Comment> docs) {
    int i = start;
    if (at(i) == '#') {
      i++;
    } else if (at(i) == '_' && at(i + 1) == '#') {
      i += 2;
    }
    while (i < len) {
      char c = src.charAt(i);
      if (c < 128) {
        // ASCII: letters, '_', '$' and digits.
        if (!(c >= 'a' && c <= 'z'
            || c >= 'A' && c <= 'Z'
            || c >= '0' && c <= '9'
            || c == '_'
            || c == '$')) {
          break;
        }
        i++;
        continue;
      }
      int cp = src.codePointAt(i);
      if (!isLetter(cp) && !Character.isDigit(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    pos = i;
    return make(Kind.IDENT, start, i, docs);
  }

  // -------------------------------------------------------------------------------------------
  // Numbers

  private Token scanNumber(int start, List<Ast.Comment> docs) {
    int i = start;
    char c = src.charAt(i);
    if (prevKind == Kind.PERIOD) {
      // After a '.', only a plain decimal integer is scanned (spec: no float or si literal).
      i = scanDigits(i, 10);
      pos = i;
      return checkedInt(start, i, docs);
    }
    if (c == '0' && (at(i + 1) == 'x' || at(i + 1) == 'X')) {
      return scanRadix(start, 2, 16, docs);
    }
    if (c == '0' && at(i + 1) == 'o') {
      return scanRadix(start, 2, 8, docs);
    }
    if (c == '0' && at(i + 1) == 'b') {
      return scanRadix(start, 2, 2, docs);
    }
    boolean fraction = false;
    boolean exponent = false;
    if (c != '.') {
      i = scanDigits(i, 10);
    }
    if (at(i) == '.' && at(i + 1) != '.') {
      fraction = true;
      i++;
      if (isDecimal(at(i))) {
        i = scanDigits(i, 10);
      }
    }
    int mantissaEnd = i;
    if (at(i) == 'e' || at(i) == 'E') {
      int j = i + 1;
      if (at(j) == '+' || at(j) == '-') {
        j++;
      }
      if (!isDecimal(at(j))) {
        throw error(j, "exponent has no digits");
      }
      i = scanDigits(j, 10);
      exponent = true;
    }
    if (!exponent && "KMGTP".indexOf(at(i)) >= 0) {
      int j = i + 1;
      boolean binary = at(j) == 'i';
      if (binary) {
        j++;
      }
      // Like cue, the multiplier is taken even if letters follow ("1Kb" is 1K then b).
      pos = j;
      String digits = src.substring(start, mantissaEnd).replace("_", "");
      if (digits.endsWith(".")) {
        throw error(mantissaEnd - 1, "illegal fraction before multiplier");
      }
      return make(Kind.INT, start, j, docs);
    }
    pos = i;
    if (fraction || exponent) {
      return make(Kind.FLOAT, start, i, docs);
    }
    return checkedInt(start, i, docs);
  }

  private Token checkedInt(int start, int end, List<Ast.Comment> docs) {
    if (src.charAt(start) == '0' && end - start > 1) {
      throw error(start, "illegal integer number");
    }
    return make(Kind.INT, start, end, docs);
  }

  /** Scans digits with single underscores between them; returns the end offset. */
  private int scanDigits(int i, int radix) {
    return scanDigits(i, radix, false);
  }

  /**
   * Scans digits with single underscores between them; {@code afterPrefix}: a base prefix counts as
   * a digit, so {@code 0x_FF} is valid (as in cue, whose scanner follows Go's here).
   */
  private int scanDigits(int i, int radix, boolean afterPrefix) {
    int start = afterPrefix ? i - 1 : i;
    while (i < len) {
      char c = src.charAt(i);
      if (radix == 10 ? isDecimal(c) : c < 128 && Character.digit(c, radix) >= 0) {
        i++;
      } else if (c == '_') {
        if (i == start || src.charAt(i - 1) == '_') {
          throw error(i, "illegal '_' in number");
        }
        if (Character.digit(at(i + 1), radix) < 0) {
          // Like cue: "1__0" is reported at the second underscore.
          throw error(at(i + 1) == '_' ? i + 1 : i, "illegal '_' in number");
        }
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private Token scanRadix(int start, int prefix, int radix, List<Ast.Comment> docs) {
    int i = start + prefix;
    int end = scanDigits(i, radix, true);
    if (end == i) {
      String name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
      throw error(start, "illegal " + name + " number");
    }
    if (isDecimal(at(end))) {
      throw error(end, "invalid digit '" + at(end) + "' in number literal");
    }
    pos = end;
    return make(Kind.INT, start, end, docs);
  }

  // -------------------------------------------------------------------------------------------
  // Attributes

  private Token scanAttribute(int start, List<Ast.Comment> docs) {
    int i = start + 1;
    if (!isLetter(codePointAt(i)) && at(i) != '#') {
      throw error(start, "invalid attribute: expected identifier after '@'");
    }
    pos = i;
    scanIdent(i, List.of());
    i = pos;
    if (at(i) != '(') {
      throw error(i, "invalid attribute: expected '('");
    }
    int depth = 0;
    while (true) {
      if (i >= len) {
        throw error(start, "attribute missing ')'");
      }
      char c = src.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          if (c != ')') {
            throw error(i, "invalid attribute: unbalanced '" + c + "'");
          }
          i++;
          break;
        }
      } else if (c == '"' || c == '\'' || (c == '#' && isAttributeStringStart(i))) {
        i = skipAttributeString(i);
        continue;
      }
      i++;
    }
    pos = i;
    return make(Kind.ATTRIBUTE, start, i, docs);
  }

  /** Whether {@code #...#"} or {@code #...#'} (a raw string) starts at {@code i}. */
  private boolean isAttributeStringStart(int i) {
    int j = i;
    while (at(j) == '#') {
      j++;
    }
    return at(j) == '"' || at(j) == '\'';
  }

  /**
   * Skips a string literal inside an attribute, as CUE's scanner reads it: single- or multi-line
   * ({@code """}), with {@code #} delimiters for raw strings ({@code #"q"q"#}); returns the index
   * after the closing quote (and hashes).
   */
  private int skipAttributeString(int start) {
    int hashes = 0;
    while (at(start + hashes) == '#') {
      hashes++;
    }
    char q = src.charAt(start + hashes);
    boolean multiline = at(start + hashes + 1) == q && at(start + hashes + 2) == q;
    int i = start + hashes + (multiline ? 3 : 1);
    while (true) {
      if (i >= len || (!multiline && src.charAt(i) == '\n')) {
        throw error(start, "attribute string not terminated");
      }
      char c = src.charAt(i);
      if (c == '\\' && hashes == 0) {
        i += 2;
        continue;
      }
      if (c == q && (!multiline || (at(i + 1) == q && at(i + 2) == q))) {
        int end = i + (multiline ? 3 : 1);
        int h = 0;
        while (h < hashes && at(end + h) == '#') {
          h++;
        }
        if (h == hashes) {
          return end + hashes;
        }
      }
      i++;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  private Token scanStringStart(int start, int hashes, List<Ast.Comment> docs) {
    int q = start + hashes;
    char quote = src.charAt(q);
    boolean multiline = at(q + 1) == quote && at(q + 2) == quote && !closedByHashes(q + 3, hashes);
    int body;
    if (multiline) {
      int i = q + 3;
      if (at(i) == '\r' && at(i + 1) == '\n') {
        i++;
      }
      if (at(i) != '\n') {
        throw error(q + 3, "expected newline after multiline quote " + src.substring(q, q + 3));
      }
      body = i + 1;
    } else {
      body = q + 1;
    }
    StringShape shape = new StringShape(quote, multiline, hashes, start);
    return scanStringPart(start, body, shape, docs);
  }

  /**
   * Continues a string after an interpolation's closing parenthesis (the lexer position must be
   * just after that parenthesis).
   */
  Token.Str continueString(StringShape shape) {
    int start = pos;
    Token.Str t = scanStringPart(start, start, shape, List.of());
    prevKind = t.kind;
    prevEnd = Math.max(t.start, t.end - 1);
    insertComma = triggersComma(t.kind);
    return t;
  }

  private Token.Str scanStringPart(int start, int body, StringShape shape, List<Ast.Comment> docs) {
    char quote = shape.quote();
    int hashes = shape.hashes();
    int i = body;
    while (true) {
      if (i >= len) {
        throw error(shape.start(), "string literal not terminated");
      }
      char c = src.charAt(i);
      if (c == quote && closes(i, shape)) {
        int close = i;
        int end = i + (shape.multiline() ? 3 : 1) + hashes;
        String indent = "";
        int contentEnd = close;
        if (shape.multiline()) {
          int j = close;
          while (j > body && (src.charAt(j - 1) == ' ' || src.charAt(j - 1) == '\t')) {
            j--;
          }
          boolean atLineStart = j > 0 && src.charAt(j - 1) == '\n';
          if (!atLineStart) {
            throw error(close, "closing quote of multiline string must follow a newline");
          }
          indent = src.substring(j, close);
          // The newline before the closing quote is not part of the value; when the content is
          // empty, that newline is the opening one (outside of the content range).
          contentEnd = Math.max(body, j - 1);
          if (j - 1 >= 1 && src.charAt(j - 2) == '\r' && j - 2 >= body) {
            contentEnd = j - 2;
          }
        }
        pos = end;
        return new Token.Str(
            Kind.STRING,
            start,
            end,
            src.substring(start, end),
            docs,
            shape,
            body,
            contentEnd,
            indent);
      }
      if (c == '\\') {
        int h = i + 1;
        int n = 0;
        while (n < hashes && at(h) == '#') {
          h++;
          n++;
        }
        if (n == hashes) {
          if (at(h) == '(') {
            pos = h + 1;
            return new Token.Str(
                Kind.INTERP, start, h + 1, src.substring(start, h + 1), docs, shape, body, i, "");
          }
          // Skip the escaped character so that an escaped quote does not close the literal.
          i = h + 1;
          continue;
        }
        i++;
        continue;
      }
      if (c == '\n' && !shape.multiline()) {
        throw error(shape.start(), "string literal not terminated");
      }
      i++;
    }
  }

  /**
   * Whether {@code hashes > 0} hashes start at {@code i}: then {@code #"""#} is a one-line string
   * whose content is a quote (cue follows Swift here), not the start of a multi-line string.
   */
  private boolean closedByHashes(int i, int hashes) {
    if (hashes == 0) {
      return false;
    }
    for (int n = 0; n < hashes; n++) {
      if (at(i + n) != '#') {
        return false;
      }
    }
    return true;
  }

  private boolean closes(int i, StringShape shape) {
    char q = shape.quote();
    int j = i + 1;
    if (shape.multiline()) {
      if (at(i + 1) != q || at(i + 2) != q) {
        return false;
      }
      j = i + 3;
    }
    for (int n = 0; n < shape.hashes(); n++) {
      if (at(j + n) != '#') {
        return false;
      }
    }
    return true;
  }
}
