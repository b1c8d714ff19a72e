package io.vela4j.cue.internal.syntax;

import io.vela4j.cue.CueError;
import io.vela4j.cue.CueException;
import io.vela4j.cue.CuePosition;
import io.vela4j.cue.internal.LargeStack;
import io.vela4j.cue.internal.syntax.Ast.Constraint;
import io.vela4j.cue.internal.syntax.Ast.Op;
import io.vela4j.cue.internal.syntax.Token.Kind;
import io.vela4j.cue.internal.syntax.Token.StringShape;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for CUE source files (the grammar of the v0.14 language
 * specification).
 *
 * <p>Nesting is limited to {@value #MAX_DEPTH} levels (structs, lists, parentheses, field
 * shorthands, interpolations, unary operators); deeper input is a syntax error, never a {@link
 * StackOverflowError}. Shallow input is parsed on the calling thread; input nested deeper than a
 * small budget is re-parsed on a private thread with a large stack. Stateless and thread-safe.
 */
public final class Parser {
  /** The maximum nesting depth accepted. */
  public static final int MAX_DEPTH = 25_000;

  /** Depth parsed on the caller's stack before switching to a large-stack thread. */
  private static final int SHALLOW_DEPTH = 250;

  static {
    // Initialise the enums up front, so that a StackOverflowError caught during a shallow parse
    // can never leave one of them unusable.
    Token.Kind.values();
    Ast.Op.values();
    Ast.Constraint.values();
  }

  private final Lexer lx;
  private final int maxDepth;
  private Token tok;
  private final ArrayList<Token> ahead = new ArrayList<>(2);
  private int depth;

  private Parser(String filename, String source, int maxDepth) {
    this.lx = new Lexer(filename, source);
    this.maxDepth = maxDepth;
    this.tok = lx.next();
  }

  /**
   * CUE's {@code literal.Unquote}, which is its {@code strconv.Unquote}: the value of {@code s}
   * read as exactly one CUE string or bytes literal without interpolation ({@code "a\\n"}, {@code
   * 'ab'}, {@code #"raw"#}, multi-line forms), the bytes of a bytes literal read as UTF-8.
   *
   * @param s the literal
   * @return its value
   * @throws IllegalArgumentException with CUE's message ({@code invalid syntax}, {@code invalid
   *     string: unmatched quote}, {@code unmatched surrogate pair}) if {@code s} is not one such
   *     literal
   */
  public static String unquote(String s) {
    int hashes = 0;
    while (hashes < s.length() && s.charAt(hashes) == '#') {
      hashes++;
    }
    if (hashes < s.length() && (s.charAt(hashes) == '"' || s.charAt(hashes) == '\'')) {
      String quote =
          s.startsWith("\"\"\"", hashes) || s.startsWith("'''", hashes)
              ? s.substring(hashes, hashes + 3)
              : s.substring(hashes, hashes + 1);
      if (s.length() < hashes * 2 + quote.length() * 2 || !s.endsWith(quote + "#".repeat(hashes))) {
        throw new IllegalArgumentException("invalid string: unmatched quote");
      }
    }
    try {
      Lexer lx = new Lexer("", s);
      Token t = lx.next();
      if (!(t instanceof Token.Str str)
          || t.kind != Kind.STRING
          || t.start != 0
          || t.end != s.length()) {
        throw new IllegalArgumentException("invalid syntax");
      }
      String v =
          Literals.decode(
                  lx,
                  str.shape,
                  List.of(new Literals.Part(str.contentStart, str.contentEnd, true)),
                  str.indent)
              .get(0);
      return str.shape.bytes()
          ? new String(
              v.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
              java.nio.charset.StandardCharsets.UTF_8)
          : v;
    } catch (SyntaxError e) {
      throw new IllegalArgumentException(
          e.description().contains("surrogate") ? "unmatched surrogate pair" : "invalid syntax");
    }
  }

  /**
   * Parses one CUE file.
   *
   * @param filename the name used in positions and error messages
   * @param source the source text
   * @return the file's syntax tree
   * @throws CueException with a single error of kind {@link CueError.Kind#SYNTAX} naming the
   *     position, what was expected and what was found
   */
  public static Ast.File parse(String filename, String source) {
    java.util.Objects.requireNonNull(filename, "filename");
    java.util.Objects.requireNonNull(source, "source");
    try {
      return parseOrThrow(filename, source);
    } catch (SyntaxError e) {
      Ast.Pos p = e.pos();
      throw new CueException(
          new CueError(
              CueError.Kind.SYNTAX,
              e.description(),
              "",
              List.of(new CuePosition(p.file(), p.line(), p.column()))));
    }
  }

  /**
   * Like {@link #parse} but throws the internal {@link SyntaxError}.
   *
   * @throws SyntaxError on the first syntax error
   */
  static Ast.File parseOrThrow(String filename, String source) {
    try {
      return new Parser(filename, source, SHALLOW_DEPTH).parseFile();
    } catch (TooDeep | StackOverflowError e) {
      return parseOnLargeStack(filename, source);
    }
  }

  private static Ast.File parseOnLargeStack(String filename, String source) {
    Ast.Pos start = new Ast.Pos(filename, 1, 1, 0);
    try {
      return LargeStack.run(
          () -> {
            try {
              return new Parser(filename, source, MAX_DEPTH).parseFile();
            } catch (StackOverflowError e) {
              throw new SyntaxError(start, "input nested too deeply to be parsed");
            }
          });
    } catch (LargeStack.Unavailable e) {
      throw new SyntaxError(start, "input nested too deeply to be parsed: " + e.getMessage());
    }
  }

  /** Thrown when the shallow budget is exceeded; triggers a re-parse on a large stack. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Token handling

  private void next() {
    tok = ahead.isEmpty() ? lx.next() : ahead.remove(0);
  }

  private Token peek(int k) {
    while (ahead.size() < k) {
      ahead.add(lx.next());
    }
    return ahead.get(k - 1);
  }

  private Ast.Pos pos(int offset) {
    return lx.pos(offset);
  }

  private SyntaxError errorExpected(String what) {
    return lx.error(tok.start, "expected " + what + ", found " + found(tok));
  }

  private static String found(Token t) {
    if (t.kind == Kind.COMMA && t.inserted) {
      return "newline";
    }
    return "'" + t.describe() + "'";
  }

  private Token expect(Kind kind) {
    if (tok.kind != kind) {
      throw errorExpected("'" + kind.display + "'");
    }
    Token t = tok;
    next();
    return t;
  }

  private boolean isIdent(String text) {
    return tok.kind == Kind.IDENT && tok.text.equals(text);
  }

  private void enter(int n) {
    depth += n;
    if (depth > maxDepth) {
      if (maxDepth < MAX_DEPTH) {
        throw new TooDeep();
      }
      throw lx.error(tok.start, "nesting depth exceeds the limit of " + MAX_DEPTH);
    }
  }

  private void leave(int n) {
    depth -= n;
  }

  // -------------------------------------------------------------------------------------------
  // File

  private Ast.File parseFile() {
    int start = tok.start;
    List<Ast.Attribute> attributes = new ArrayList<>();
    Ast.PackageClause pkg = null;
    List<Ast.ImportDecl> imports = new ArrayList<>();
    List<Ast.Decl> decls = new ArrayList<>();

    // SourceFile = { attribute "," } [ PackageClause "," ] { ImportDecl "," } { Declaration "," }
    while (tok.kind == Kind.ATTRIBUTE) {
      attributes.add(parseAttribute(tok.docs));
      expectDeclEnd();
    }
    if (isIdent("package") && peek(1).kind == Kind.IDENT) {
      Token p = tok;
      next();
      Ast.Ident name = parseIdent();
      pkg = new Ast.PackageClause(pos(p.start), name.end(), name, p.docs);
      expectDeclEnd();
    }
    while (isIdent("import") && isImportStart(peek(1).kind)) {
      imports.add(parseImportDecl());
      expectDeclEnd();
    }
    while (tok.kind != Kind.EOF) {
      if (isIdent("import") && peek(1).kind == Kind.STRING) {
        throw lx.error(tok.start, "imports must appear before other declarations");
      }
      decls.add(parseDecl());
      expectDeclEnd();
    }
    int end = lx.source().length();
    return new Ast.File(
        pos(Math.min(start, end)),
        end,
        lx.pos(0).file(),
        attributes,
        pkg,
        imports,
        decls,
        lx.comments());
  }

  private static boolean isImportStart(Kind next) {
    switch (next) {
      case STRING:
      case INTERP:
      case LPAREN:
      case IDENT:
      case INT:
      case FLOAT:
        return true;
      default:
        return false;
    }
  }

  private void expectDeclEnd() {
    if (tok.kind == Kind.COMMA) {
      next();
    } else if (tok.kind != Kind.EOF) {
      throw lx.error(tok.start, "missing ',' in struct literal");
    }
  }

  private Ast.ImportDecl parseImportDecl() {
    Token imp = tok;
    next();
    List<Ast.ImportSpec> specs = new ArrayList<>();
    int end;
    if (tok.kind == Kind.LPAREN) {
      next();
      while (tok.kind != Kind.RPAREN && tok.kind != Kind.EOF) {
        specs.add(parseImportSpec());
        if (tok.kind == Kind.COMMA) {
          next();
        } else if (tok.kind != Kind.RPAREN) {
          throw lx.error(tok.start, "missing ',' in import list");
        }
      }
      end = expect(Kind.RPAREN).end;
    } else {
      Ast.ImportSpec spec = parseImportSpec();
      specs.add(spec);
      end = spec.end();
    }
    return new Ast.ImportDecl(pos(imp.start), end, specs, imp.docs);
  }

  private Ast.ImportSpec parseImportSpec() {
    int start = tok.start;
    Ast.Ident name = null;
    if (tok.kind == Kind.IDENT) {
      name = parseIdent();
    }
    if (tok.kind != Kind.STRING) {
      throw errorExpected("import path string");
    }
    Ast.Expr path = parseString();
    if (!(path instanceof Ast.StringLit lit) || lit.bytes() || lit.multiline()) {
      throw lx.error(path.pos().offset(), "import path must be a simple string");
    }
    return new Ast.ImportSpec(pos(start), lit.end(), name, lit);
  }

  private Ast.Ident parseIdent() {
    if (tok.kind != Kind.IDENT) {
      throw errorExpected("identifier");
    }
    Token t = tok;
    next();
    return new Ast.Ident(pos(t.start), t.end, t.text);
  }

  /** An identifier bound by a clause, alias or let: {@code _} is not allowed except in for. */
  private Ast.Ident parseBindingIdent(boolean allowUnderscore) {
    if (tok.kind == Kind.IDENT && tok.text.equals("_") && !allowUnderscore) {
      throw lx.error(tok.start, "cannot use _ as identifier here");
    }
    return parseIdent();
  }

  private Ast.Attribute parseAttribute(List<Ast.Comment> docs) {
    Token t = tok;
    next();
    String text = t.text;
    int open = text.indexOf('(');
    return new Ast.Attribute(
        pos(t.start),
        t.end,
        text.substring(1, open),
        text.substring(open + 1, text.length() - 1),
        docs);
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private Ast.StructLit parseStructLit() {
    Token open = expect(Kind.LBRACE);
    enter(1);
    List<Ast.Decl> decls = new ArrayList<>();
    while (tok.kind != Kind.RBRACE && tok.kind != Kind.EOF) {
      decls.add(parseDecl());
      if (tok.kind == Kind.COMMA) {
        next();
      } else if (tok.kind != Kind.RBRACE) {
        throw lx.error(tok.start, "missing ',' in struct literal");
      }
    }
    Token close = expect(Kind.RBRACE);
    leave(1);
    return new Ast.StructLit(pos(open.start), close.end, decls, false);
  }

  private Ast.Decl parseDecl() {
    Token first = tok;
    List<Ast.Comment> docs = first.docs;
    switch (tok.kind) {
      case ELLIPSIS:
        {
          next();
          Ast.Expr type = startsExpr() ? parseExpr() : null;
          return new Ast.Ellipsis(
              pos(first.start), type == null ? first.end : type.end(), type, docs);
        }
      case ATTRIBUTE:
        return parseAttribute(docs);
      case IDENT:
        if (tok.text.equals("let") && peek(1).kind == Kind.IDENT) {
          next();
          Ast.Ident name = parseBindingIdent(false);
          expect(Kind.ASSIGN);
          Ast.Expr e = parseExpr();
          return new Ast.LetDecl(pos(first.start), e.end(), name, e, docs);
        }
        if (isComprehensionStart()) {
          return parseComprehension(docs);
        }
        break;
      default:
        break;
    }
    Ast.Ident alias = null;
    if (tok.kind == Kind.IDENT && peek(1).kind == Kind.ASSIGN) {
      alias = parseBindingIdent(false);
      next();
    }
    Ast.Expr e = parseLabelCandidate();
    if (atFieldMarker()) {
      return parseFieldRest(first, alias, toLabel(e), docs);
    }
    checkNoParenAlias(e);
    if (alias != null) {
      e = new Ast.AliasExpr(alias.pos(), e.end(), alias, e);
    }
    return new Ast.Embedding(pos(first.start), e.end(), e, docs);
  }

  private boolean isComprehensionStart() {
    if (tok.kind != Kind.IDENT) {
      return false;
    }
    if (tok.text.equals("for")) {
      return peek(1).kind == Kind.IDENT;
    }
    if (tok.text.equals("if")) {
      Token n = peek(1);
      switch (n.kind) {
        case COLON:
        case QUESTION:
        case COMMA:
        case ASSIGN:
        case RBRACE:
        case EOF:
          // "if" used as a label or a reference.
          return false;
        default:
          break;
      }
      return !(n.kind == Kind.NOT && peek(2).kind == Kind.COLON);
    }
    return false;
  }

  /** At {@code :}, {@code ?:} or {@code !:}. */
  private boolean atFieldMarker() {
    switch (tok.kind) {
      case COLON:
        return true;
      case QUESTION:
        return true;
      case NOT:
        return peek(1).kind == Kind.COLON;
      default:
        return false;
    }
  }

  private Ast.Field parseFieldRest(
      Token first, Ast.@Nullable Ident alias, Ast.Label label, List<Ast.Comment> docs) {
    // Made before the value's positions: it is then the label's when the field starts with it.
    Ast.Pos at = pos(first.start);
    Constraint constraint = Constraint.REGULAR;
    if (tok.kind == Kind.QUESTION) {
      constraint = Constraint.OPTIONAL;
      next();
    } else if (tok.kind == Kind.NOT) {
      constraint = Constraint.REQUIRED;
      next();
    }
    expect(Kind.COLON);
    Ast.Expr value = parseFieldValue();
    List<Ast.Attribute> attrs = List.of();
    int end = value.end();
    if (tok.kind == Kind.ATTRIBUTE) {
      attrs = new ArrayList<>();
      while (tok.kind == Kind.ATTRIBUTE) {
        Ast.Attribute a = parseAttribute(List.of());
        attrs.add(a);
        end = a.end();
      }
    }
    return new Ast.Field(at, end, alias, label, constraint, value, attrs, docs);
  }

  /** A field value: an (aliased) expression, or the shorthand {@code label: value}. */
  private Ast.Expr parseFieldValue() {
    Token first = tok;
    Ast.Ident alias = null;
    if (tok.kind == Kind.IDENT && peek(1).kind == Kind.ASSIGN) {
      alias = parseBindingIdent(false);
      next();
    }
    Ast.Expr e = parseLabelCandidate();
    if (atFieldMarker()) {
      enter(1);
      Ast.Field f = parseFieldRest(first, alias, toLabel(e), first.docs);
      leave(1);
      return new Ast.StructLit(f.pos(), f.end(), List.of(f), true);
    }
    checkNoParenAlias(e);
    return alias == null ? e : new Ast.AliasExpr(alias.pos(), e.end(), alias, e);
  }

  /**
   * An expression that may turn out to be a label. {@code (X=e)} is accepted here; it must then be
   * followed by a field marker.
   */
  private Ast.Expr parseLabelCandidate() {
    if (tok.kind == Kind.LPAREN && peek(1).kind == Kind.IDENT && peek(2).kind == Kind.ASSIGN) {
      Token open = tok;
      next();
      enter(1);
      Ast.Ident alias = parseBindingIdent(false);
      next();
      Ast.Expr e = parseExpr();
      Token close = expect(Kind.RPAREN);
      leave(1);
      Ast.AliasExpr a = new Ast.AliasExpr(alias.pos(), e.end(), alias, e);
      return new Ast.ParenExpr(pos(open.start), close.end, a);
    }
    return parseExpr();
  }

  private void checkNoParenAlias(Ast.Expr e) {
    if (e instanceof Ast.ParenExpr p && p.x() instanceof Ast.AliasExpr a) {
      throw lx.error(a.pos().offset(), "alias in parentheses is only allowed in a field label");
    }
  }

  private Ast.Label toLabel(Ast.Expr e) {
    if (e instanceof Ast.Ident i) {
      return i;
    }
    if (e instanceof Ast.NullLit n) {
      return new Ast.Ident(n.pos(), n.end(), "null");
    }
    if (e instanceof Ast.BoolLit b) {
      return new Ast.Ident(b.pos(), b.end(), b.value() ? "true" : "false");
    }
    // The spec says simple_string_lit, but cue accepts every string form as a label (the oracle
    // takes bytes and multi-line strings alike); so do we.
    if (e instanceof Ast.StringLit s) {
      return s;
    }
    if (e instanceof Ast.Interpolation s) {
      return s;
    }
    if (e instanceof Ast.ParenExpr p) {
      return new Ast.DynamicLabel(p.pos(), p.end(), p.x());
    }
    if (e instanceof Ast.ListLit l
        && l.ellipsis() == null
        && l.elements().size() == 1
        && l.elements().get(0) instanceof Ast.Expr x) {
      return new Ast.PatternLabel(l.pos(), l.end(), x);
    }
    if (e instanceof Ast.TopLit) {
      throw lx.error(e.pos().offset(), "invalid label: cannot use _ as label");
    }
    throw lx.error(
        e.pos().offset(), "invalid label: expected identifier, string, (expression) or [pattern]");
  }

  // -------------------------------------------------------------------------------------------
  // Comprehensions

  private Ast.Comprehension parseComprehension(List<Ast.Comment> docs) {
    int start = tok.start;
    List<Ast.Clause> clauses = new ArrayList<>();
    clauses.add(parseClause());
    while (true) {
      // Like cue, a comma (written or inserted at a newline) may follow any clause.
      if (tok.kind == Kind.COMMA) {
        next();
      }
      if (tok.kind == Kind.IDENT && isClauseKeyword(tok.text)) {
        clauses.add(parseClause());
      } else {
        break;
      }
    }
    if (tok.kind != Kind.LBRACE) {
      throw errorExpected("'{'");
    }
    Ast.StructLit body = parseStructLit();
    return new Ast.Comprehension(pos(start), body.end(), clauses, body, docs);
  }

  private static boolean isClauseKeyword(String s) {
    return s.equals("for") || s.equals("if") || s.equals("let");
  }

  private Ast.Clause parseClause() {
    Token kw = tok;
    switch (kw.text) {
      case "for":
        {
          next();
          Ast.Ident key = null;
          Ast.Ident value = parseBindingIdent(true);
          if (tok.kind == Kind.COMMA && !tok.inserted) {
            next();
            key = value;
            value = parseBindingIdent(true);
          }
          if (!isIdent("in")) {
            throw errorExpected("'in'");
          }
          next();
          Ast.Expr source = parseExpr();
          return new Ast.ForClause(pos(kw.start), source.end(), key, value, source);
        }
      case "if":
        {
          next();
          Ast.Expr cond = parseExpr();
          return new Ast.IfClause(pos(kw.start), cond.end(), cond);
        }
      default:
        {
          next();
          Ast.Ident name = parseBindingIdent(false);
          expect(Kind.ASSIGN);
          Ast.Expr e = parseExpr();
          return new Ast.LetClause(pos(kw.start), e.end(), name, e);
        }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private boolean startsExpr() {
    switch (tok.kind) {
      case IDENT:
      case INT:
      case FLOAT:
      case STRING:
      case INTERP:
      case BOTTOM:
      case LPAREN:
      case LBRACK:
      case LBRACE:
        return true;
      default:
        return unaryOp(tok.kind) != null;
    }
  }

  /**
   * An expression. Not depth-counted itself: every construct through which expressions nest
   * (parentheses, structs, lists, interpolations, unary operators, index and call suffixes) is.
   */
  Ast.Expr parseExpr() {
    return parseBinary(1);
  }

  private Ast.Expr parseBinary(int minPrec) {
    Ast.Expr x = parseUnary();
    while (true) {
      Op op = binaryOp(tok.kind);
      if (op == null || op.precedence() < minPrec) {
        return x;
      }
      Token opTok = tok;
      next();
      Ast.Expr y = parseBinary(op.precedence() + 1);
      x = new Ast.BinaryExpr(x.pos(), y.end(), op, x, y, pos(opTok.start));
    }
  }

  private static @Nullable Op binaryOp(Kind k) {
    switch (k) {
      case OR:
        return Op.OR;
      case AND:
        return Op.AND;
      case LOR:
        return Op.LOR;
      case LAND:
        return Op.LAND;
      case EQL:
        return Op.EQL;
      case NEQ:
        return Op.NEQ;
      case LSS:
        return Op.LSS;
      case LEQ:
        return Op.LEQ;
      case GTR:
        return Op.GTR;
      case GEQ:
        return Op.GEQ;
      case MAT:
        return Op.MAT;
      case NMAT:
        return Op.NMAT;
      case ADD:
        return Op.ADD;
      case SUB:
        return Op.SUB;
      case MUL:
        return Op.MUL;
      case QUO:
        return Op.QUO;
      default:
        return null;
    }
  }

  private static @Nullable Op unaryOp(Kind k) {
    switch (k) {
      case ADD:
        return Op.ADD;
      case SUB:
        return Op.SUB;
      case NOT:
        return Op.NOT;
      case MUL:
        return Op.MUL;
      case NEQ:
        return Op.NEQ;
      case LSS:
        return Op.LSS;
      case LEQ:
        return Op.LEQ;
      case GTR:
        return Op.GTR;
      case GEQ:
        return Op.GEQ;
      case MAT:
        return Op.MAT;
      case NMAT:
        return Op.NMAT;
      default:
        return null;
    }
  }

  private Ast.Expr parseUnary() {
    Op op = unaryOp(tok.kind);
    if (op == null) {
      return parsePrimary();
    }
    List<Op> ops = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    while (op != null) {
      ops.add(op);
      starts.add(tok.start);
      next();
      op = unaryOp(tok.kind);
    }
    enter(ops.size());
    Ast.Expr x = parsePrimary();
    leave(ops.size());
    for (int i = ops.size() - 1; i >= 0; i--) {
      x = new Ast.UnaryExpr(pos(starts.get(i)), x.end(), ops.get(i), x);
    }
    return x;
  }

  private Ast.Expr parsePrimary() {
    Ast.Expr x = parseOperand();
    while (true) {
      switch (tok.kind) {
        case PERIOD:
          {
            next();
            Ast.Label sel;
            if (tok.kind == Kind.IDENT && !tok.text.equals("_")) {
              sel = new Ast.Ident(pos(tok.start), tok.end, tok.text);
              next();
            } else if (tok.kind == Kind.STRING) {
              Ast.Expr s = parseString();
              if (!(s instanceof Ast.StringLit lit)
                  || lit.bytes()
                  || lit.multiline()
                  || lit.hashes() > 0) {
                throw lx.error(s.pos().offset(), "invalid selector: expected a simple string");
              }
              sel = lit;
            } else {
              throw errorExpected("selector");
            }
            x = new Ast.SelectorExpr(x.pos(), sel.end(), x, sel);
            break;
          }
        case LBRACK:
          {
            next();
            enter(1);
            Ast.Expr low = null;
            if (tok.kind != Kind.COLON) {
              low = parseExpr();
            }
            if (tok.kind == Kind.COLON) {
              next();
              Ast.Expr high = tok.kind == Kind.RBRACK ? null : parseExpr();
              Token close = expect(Kind.RBRACK);
              x = new Ast.SliceExpr(x.pos(), close.end, x, low, high);
            } else {
              if (low == null) {
                throw errorExpected("index expression");
              }
              Token close = expect(Kind.RBRACK);
              x = new Ast.IndexExpr(x.pos(), close.end, x, low);
            }
            leave(1);
            break;
          }
        case LPAREN:
          {
            next();
            enter(1);
            List<Ast.Expr> args = new ArrayList<>();
            while (tok.kind != Kind.RPAREN && tok.kind != Kind.EOF) {
              args.add(parseExpr());
              if (tok.kind == Kind.COMMA) {
                next();
              } else if (tok.kind != Kind.RPAREN) {
                throw lx.error(tok.start, "missing ',' in argument list");
              }
            }
            Token close = expect(Kind.RPAREN);
            leave(1);
            x = new Ast.CallExpr(x.pos(), close.end, x, args);
            break;
          }
        default:
          return x;
      }
    }
  }

  private Ast.Expr parseOperand() {
    Token t = tok;
    switch (t.kind) {
      case IDENT:
        next();
        // (the four are at most five characters: longer names skip hashing the text)
        switch (t.text.length() > 5 ? "" : t.text) {
          case "_":
            return new Ast.TopLit(pos(t.start), t.end);
          case "null":
            return new Ast.NullLit(pos(t.start), t.end);
          case "true":
            return new Ast.BoolLit(pos(t.start), t.end, true);
          case "false":
            return new Ast.BoolLit(pos(t.start), t.end, false);
          default:
            return new Ast.Ident(pos(t.start), t.end, t.text);
        }
      case BOTTOM:
        next();
        return new Ast.BottomLit(pos(t.start), t.end);
      case INT:
        next();
        return Ast.IntLit.of(pos(t.start), t.end, t.text);
      case FLOAT:
        next();
        return new Ast.FloatLit(pos(t.start), t.end, t.text, Literals.floatValue(t.text));
      case STRING:
      case INTERP:
        return parseString();
      case LPAREN:
        {
          next();
          enter(1);
          Ast.Expr x = parseExpr();
          Token close = expect(Kind.RPAREN);
          leave(1);
          return new Ast.ParenExpr(pos(t.start), close.end, x);
        }
      case LBRACE:
        return parseStructLit();
      case LBRACK:
        return parseListLit();
      default:
        throw errorExpected("expression");
    }
  }

  private Ast.ListLit parseListLit() {
    Token open = expect(Kind.LBRACK);
    enter(1);
    List<Ast.ListElement> elems = new ArrayList<>();
    Ast.Ellipsis ellipsis = null;
    while (tok.kind != Kind.RBRACK && tok.kind != Kind.EOF) {
      if (tok.kind == Kind.ELLIPSIS) {
        Token e = tok;
        next();
        Ast.Expr type = startsExpr() ? parseExpr() : null;
        ellipsis = new Ast.Ellipsis(pos(e.start), type == null ? e.end : type.end(), type, e.docs);
        if (tok.kind == Kind.COMMA) {
          next();
        }
        if (tok.kind != Kind.RBRACK) {
          throw errorExpected("']' after '...'");
        }
        break;
      }
      if (tok.kind == Kind.IDENT && (tok.text.equals("for") || tok.text.equals("if"))) {
        elems.add(parseComprehension(tok.docs));
      } else if (tok.kind == Kind.IDENT && peek(1).kind == Kind.ASSIGN) {
        Ast.Ident alias = parseBindingIdent(false);
        next();
        Ast.Expr x = parseExpr();
        elems.add(new Ast.AliasExpr(alias.pos(), x.end(), alias, x));
      } else {
        elems.add(parseExpr());
      }
      if (tok.kind == Kind.COMMA) {
        if (tok.inserted && peek(1).kind != Kind.RBRACK) {
          // Reported at the next element, like cue.
          throw lx.error(peek(1).start, "missing ',' before newline in list literal");
        }
        next();
      } else if (tok.kind != Kind.RBRACK) {
        throw lx.error(tok.start, "missing ',' in list literal");
      }
    }
    Token close = expect(Kind.RBRACK);
    leave(1);
    return new Ast.ListLit(pos(open.start), close.end, elems, ellipsis);
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  private Ast.Expr parseString() {
    if (!(tok instanceof Token.Str first)) {
      throw errorExpected("string");
    }
    StringShape shape = first.shape;
    if (first.kind == Kind.STRING) {
      next();
      List<String> v =
          Literals.decode(
              lx,
              shape,
              List.of(new Literals.Part(first.contentStart, first.contentEnd, true)),
              first.indent);
      return new Ast.StringLit(
          pos(first.start),
          first.end,
          first.text,
          v.get(0),
          shape.bytes(),
          shape.multiline(),
          shape.hashes());
    }
    enter(1);
    List<Literals.Part> parts = new ArrayList<>();
    List<Ast.Expr> exprs = new ArrayList<>();
    Token.Str part = first;
    boolean lineStart = true;
    while (true) {
      parts.add(new Literals.Part(part.contentStart, part.contentEnd, lineStart));
      if (part.kind == Kind.STRING) {
        break;
      }
      next();
      exprs.add(parseExpr());
      if (tok.kind != Kind.RPAREN) {
        throw errorExpected("')' for string interpolation");
      }
      if (!ahead.isEmpty()) {
        throw lx.error(tok.start, "internal error: lookahead across an interpolation");
      }
      part = lx.continueString(shape);
      lineStart = false;
    }
    int end = part.end;
    List<String> fragments = Literals.decode(lx, shape, parts, part.indent);
    leave(1);
    tok = lx.next();
    return new Ast.Interpolation(
        pos(first.start), end, shape.bytes(), shape.multiline(), shape.hashes(), fragments, exprs);
  }
}
