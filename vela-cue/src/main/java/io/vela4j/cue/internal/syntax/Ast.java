package io.vela4j.cue.internal.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable CUE abstract syntax tree produced by {@link Parser}.
 *
 * <p>Every node carries its start position ({@link Pos}: file, 1-based line and column, 0-based
 * offset) and its end offset (exclusive, in UTF-16 chars of the source). Lists are unmodifiable.
 * The tree is a faithful image of the source: the parser performs no name resolution and no
 * evaluation; literal values are decoded (integers, decimals, escapes, multi-line indentation).
 *
 * <p>Shapes:
 *
 * <ul>
 *   <li>{@link Expr}: every expression; {@link Label}: what may stand before a {@code :}; {@link
 *       Decl}: what may appear in a struct or at file level; {@link Clause}: comprehension clauses;
 *       {@link ListElement}: what may appear in a list literal.
 *   <li>{@link Ident}, {@link StringLit} and {@link Interpolation} are both expressions and labels.
 *   <li>{@link Comprehension} is both a declaration (struct embedding) and a list element.
 *   <li>The field shorthand {@code a: b: 1} is represented as {@code a: {b: 1}} (a {@link
 *       StructLit} with {@code implicit() == true}).
 * </ul>
 */
public final class Ast {
  private Ast() {}

  /**
   * The lines of a source file: its name and the offsets at which its lines start, shared by all
   * the positions in it, which compute their line and column from it when asked.
   *
   * <p>The offsets of a parsed file are found from its text the first time a line is asked for (an
   * error, a doc comment): a file that parses and evaluates without either never pays for the pass.
   * The array is published through a volatile field: positions are read from any thread, and two
   * threads that race to compute it compute the same array.
   */
  static final class Lines {
    final String file;
    private final @Nullable String source;
    private volatile int @Nullable [] starts;
    private final int firstLine;

    /**
     * Lines starting at the given offsets (ascending), the first of them numbered {@code
     * firstLine}.
     */
    Lines(String file, int[] starts, int firstLine) {
      this.file = file;
      this.source = null;
      this.starts = starts;
      this.firstLine = firstLine;
    }

    /** The lines of a source text, numbered from 1, found when first asked for. */
    Lines(String file, String source) {
      this.file = file;
      this.source = source;
      this.firstLine = 1;
    }

    /** The offsets at which the lines start, ascending; the first is 0 for a source text. */
    int[] starts() {
      int[] s = starts;
      if (s == null) {
        s = lineStarts(Objects.requireNonNull(source));
        starts = s;
      }
      return s;
    }

    private static int[] lineStarts(String src) {
      int[] starts = new int[16];
      int n = 1;
      // Like Go's token.File, a newline at the very end starts no line: EOF after a final newline
      // is reported on the last line (cue reports "a: {\n" as 1:6: expected '}').
      int last = src.length() - 1;
      for (int i = src.indexOf('\n'); i >= 0 && i < last; i = src.indexOf('\n', i + 1)) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
      return Arrays.copyOf(starts, n);
    }

    /** The index in {@link #starts} of the line holding an offset. */
    private int index(int offset) {
      int i = Arrays.binarySearch(starts(), offset);
      return i >= 0 ? i : Math.max(0, -i - 2);
    }

    int line(int offset) {
      return firstLine + index(offset);
    }

    int column(int offset) {
      return offset - starts()[index(offset)] + 1;
    }
  }

  /**
   * A source position: file, 1-based line and column (counted in UTF-16 chars), 0-based offset in
   * UTF-16 chars. A position of a parsed file keeps only its offset and the file's {@link Lines} (a
   * file of 10^6 fields has millions of positions); its line and column are computed when asked, as
   * an error is reported. Positions are equal when their file, line, column and offset are.
   */
  public static final class Pos {
    private final Lines lines;
    private final int offset;

    /**
     * A position given by its line and column.
     *
     * @param file the file name given to the parser
     * @param line 1-based line
     * @param column 1-based column, counted in UTF-16 chars
     * @param offset 0-based offset in UTF-16 chars
     */
    public Pos(String file, int line, int column, int offset) {
      this(new Lines(file, new int[] {offset - column + 1}, line), offset);
    }

    Pos(Lines lines, int offset) {
      this.lines = lines;
      this.offset = offset;
    }

    /** The file name given to the parser. */
    public String file() {
      return lines.file;
    }

    /** The 1-based line. */
    public int line() {
      return lines.line(offset);
    }

    /** The 1-based column, counted in UTF-16 chars. */
    public int column() {
      return lines.column(offset);
    }

    /** The 0-based offset in UTF-16 chars. */
    public int offset() {
      return offset;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pos p
          && p.offset == offset
          && p.file().equals(file())
          && p.line() == line()
          && p.column() == column();
    }

    @Override
    public int hashCode() {
      return Objects.hash(file(), line(), column(), offset);
    }

    /** Returns {@code file:line:column}. */
    @Override
    public String toString() {
      return file() + ":" + line() + ":" + column();
    }
  }

  /** A {@code //} line comment. */
  public record Comment(Pos pos, String text) {
    /**
     * The comment text without the leading {@code //} and without one following space (like Go's
     * {@code CommentGroup.Text}).
     */
    public String content() {
      String c = text.startsWith("//") ? text.substring(2) : text;
      return c.startsWith(" ") ? c.substring(1) : c;
    }
  }

  /** Any node of the tree. */
  public sealed interface Node {
    /** The position of the first character of the node. */
    Pos pos();

    /** The offset just after the last character of the node. */
    int end();
  }

  /** An expression. */
  public sealed interface Expr extends Node, ListElement {}

  /** A label: an identifier, a string, an interpolation, {@code (expr)} or {@code [expr]}. */
  public sealed interface Label extends Node {}

  /** An element of a list literal: an expression or a comprehension. */
  public sealed interface ListElement extends Node {}

  /** A declaration in a struct literal or at file level. */
  public sealed interface Decl extends Node {
    /**
     * The doc comments of the declaration: the comment group ending on the line just before it (no
     * blank line in between), in source order.
     */
    List<Comment> docs();
  }

  /** A comprehension clause. */
  public sealed interface Clause extends Node {}

  /** Whether a field is regular ({@code a:}), optional ({@code a?:}) or required ({@code a!:}). */
  public enum Constraint {
    /** {@code a: v}. */
    REGULAR,
    /** {@code a?: v}. */
    OPTIONAL,
    /** {@code a!: v}. */
    REQUIRED
  }

  /** Unary and binary operators. */
  public enum Op {
    /** {@code |} disjunction (binary only). */
    OR("|", 1),
    /** {@code &} unification (binary only). */
    AND("&", 2),
    /** {@code ||}. */
    LOR("||", 3),
    /** {@code &&}. */
    LAND("&&", 4),
    /** {@code ==}. */
    EQL("==", 5),
    /** {@code !=} (binary, or unary bound). */
    NEQ("!=", 5),
    /** {@code <} (binary, or unary bound). */
    LSS("<", 5),
    /** {@code <=} (binary, or unary bound). */
    LEQ("<=", 5),
    /** {@code >} (binary, or unary bound). */
    GTR(">", 5),
    /** {@code >=} (binary, or unary bound). */
    GEQ(">=", 5),
    /** {@code =~} (binary, or unary regex bound). */
    MAT("=~", 5),
    /** {@code !~} (binary, or unary regex bound). */
    NMAT("!~", 5),
    /** {@code +} (binary or unary). */
    ADD("+", 6),
    /** {@code -} (binary or unary). */
    SUB("-", 6),
    /** {@code *} (binary multiplication, or unary default marker). */
    MUL("*", 7),
    /** {@code /} (binary only). */
    QUO("/", 7),
    /** {@code !} (unary only). */
    NOT("!", 0);

    private final String token;
    private final int precedence;

    Op(String token, int precedence) {
      this.token = token;
      this.precedence = precedence;
    }

    /** The source token, e.g. {@code "&&"}. */
    public String token() {
      return token;
    }

    /** Binary precedence: 1 ({@code |}) to 7 ({@code * /}); 0 for unary-only {@code !}. */
    public int precedence() {
      return precedence;
    }

    /** Whether this is one of the relational operators usable as unary bound. */
    public boolean isRelational() {
      return precedence == 5 && this != EQL;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // File level

  /**
   * A parsed source file.
   *
   * @param attributes file-level attributes before the package clause ({@code @extern(embed)})
   * @param comments every comment of the file, in source order
   */
  public record File(
      Pos pos,
      int end,
      String filename,
      List<Attribute> attributes,
      @Nullable PackageClause packageClause,
      List<ImportDecl> imports,
      List<Decl> decls,
      List<Comment> comments)
      implements Node {
    public File {
      attributes = List.copyOf(attributes);
      imports = List.copyOf(imports);
      decls = List.copyOf(decls);
      comments = List.copyOf(comments);
    }
  }

  /** {@code package name}. */
  public record PackageClause(Pos pos, int end, Ident name, List<Comment> docs) implements Node {
    public PackageClause {
      docs = List.copyOf(docs);
    }
  }

  /** {@code import "path"} or {@code import ( ... )}. */
  public record ImportDecl(Pos pos, int end, List<ImportSpec> specs, List<Comment> docs)
      implements Node {
    public ImportDecl {
      specs = List.copyOf(specs);
      docs = List.copyOf(docs);
    }
  }

  /** One import: {@code [name] "path"}. */
  public record ImportSpec(Pos pos, int end, @Nullable Ident name, StringLit path) implements Node {
    /** The decoded import path, e.g. {@code encoding/json}. */
    public String importPath() {
      return path.value();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Declarations

  /**
   * A field {@code [alias=]label[?|!]: value @attr(...)...}.
   *
   * @param alias the label alias {@code X} of {@code X=label: value}, or null
   * @param value the value; a value alias {@code label: X=v} is an {@link AliasExpr}
   */
  public record Field(
      Pos pos,
      int end,
      @Nullable Ident alias,
      Label label,
      Constraint constraint,
      Expr value,
      List<Attribute> attributes,
      List<Comment> docs)
      implements Decl {
    public Field {
      attributes = List.copyOf(attributes);
      docs = List.copyOf(docs);
    }
  }

  /** {@code let name = expr} as a declaration. */
  public record LetDecl(Pos pos, int end, Ident name, Expr expr, List<Comment> docs)
      implements Decl {
    public LetDecl {
      docs = List.copyOf(docs);
    }
  }

  /** An embedded expression in a struct (possibly an {@link AliasExpr}). */
  public record Embedding(Pos pos, int end, Expr expr, List<Comment> docs) implements Decl {
    public Embedding {
      docs = List.copyOf(docs);
    }
  }

  /** {@code ...} or {@code ...T}, in a struct (a declaration) or at the end of a list. */
  public record Ellipsis(Pos pos, int end, @Nullable Expr type, List<Comment> docs)
      implements Decl {
    public Ellipsis {
      docs = List.copyOf(docs);
    }
  }

  /**
   * An attribute {@code @name(body)}: as a declaration, after a field, or at file level.
   *
   * @param body the raw text between the parentheses
   */
  public record Attribute(Pos pos, int end, String name, String body, List<Comment> docs)
      implements Decl {
    public Attribute {
      docs = List.copyOf(docs);
    }

    /** Returns {@code @name(body)}. */
    public String text() {
      return "@" + name + "(" + body + ")";
    }
  }

  /** A comprehension {@code for ... if ... let ... { body }}: struct embedding or list element. */
  public record Comprehension(
      Pos pos, int end, List<Clause> clauses, StructLit body, List<Comment> docs)
      implements Decl, ListElement {
    public Comprehension {
      clauses = List.copyOf(clauses);
      docs = List.copyOf(docs);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Clauses

  /** {@code for [key,] value in source}. */
  public record ForClause(Pos pos, int end, @Nullable Ident key, Ident value, Expr source)
      implements Clause {}

  /** {@code if condition}. */
  public record IfClause(Pos pos, int end, Expr condition) implements Clause {}

  /** {@code let name = expr} as a comprehension clause. */
  public record LetClause(Pos pos, int end, Ident name, Expr expr) implements Clause {}

  // ---------------------------------------------------------------------------------------------
  // Labels that are not expressions

  /** {@code (expr)} as a label; {@code expr} may be an {@link AliasExpr}. */
  public record DynamicLabel(Pos pos, int end, Expr expr) implements Label {}

  /** {@code [expr]} pattern constraint label; {@code expr} may be an {@link AliasExpr}. */
  public record PatternLabel(Pos pos, int end, Expr expr) implements Label {}

  // ---------------------------------------------------------------------------------------------
  // Expressions

  /**
   * An identifier: {@code a}, {@code $x}, {@code #Def}, {@code _hidden}, {@code _#hiddenDef}, or a
   * keyword used as identifier ({@code package}, {@code for}...). Never {@code _} (that is {@link
   * TopLit}) and never {@code null}/{@code true}/{@code false}.
   */
  public record Ident(Pos pos, int end, String name) implements Expr, Label {
    /** {@code #x} or {@code _#x}. */
    public boolean isDefinition() {
      return name.startsWith("#") || name.startsWith("_#");
    }

    /** {@code _x} or {@code _#x}. */
    public boolean isHidden() {
      return name.startsWith("_");
    }
  }

  /** {@code _}. */
  public record TopLit(Pos pos, int end) implements Expr {}

  /** {@code _|_}. */
  public record BottomLit(Pos pos, int end) implements Expr {}

  /** {@code null}. */
  public record NullLit(Pos pos, int end) implements Expr {}

  /** {@code true} or {@code false}. */
  public record BoolLit(Pos pos, int end, boolean value) implements Expr {}

  /**
   * An integer literal (decimal, {@code 0x}, {@code 0o}, {@code 0b}, with {@code _} separators, or
   * with a multiplier like {@code 1Ki} or {@code 1.5G}, truncated towards zero). A plain decimal of
   * at most 18 digits (most literals) is kept as a long, without its text.
   *
   * @param small the value of a plain decimal, when {@code raw} is null
   * @param raw the source text of any other literal, else null
   */
  public record IntLit(Pos pos, int end, long small, @Nullable String raw) implements Expr {
    /**
     * A literal of the given source text.
     *
     * @param pos the position
     * @param end the end offset
     * @param text the source text
     * @return the literal, its value kept as a long when it is a plain decimal of at most 18 digits
     */
    public static IntLit of(Pos pos, int end, String text) {
      long small = Literals.smallDecimal(text);
      return small >= 0 ? new IntLit(pos, end, small, null) : new IntLit(pos, end, 0, text);
    }

    /** The source text (a plain decimal has no leading zero: its text is its value's). */
    public String text() {
      return raw != null ? raw : Long.toString(small);
    }

    /** The value, decoded from the text when it is not a plain decimal. */
    public BigInteger value() {
      return raw != null ? Literals.intValue(raw) : BigInteger.valueOf(small);
    }

    /** The value of a plain decimal of at most 18 digits, else -1: read without a BigInteger. */
    public long smallValue() {
      return raw != null ? -1 : small;
    }
  }

  /**
   * A decimal floating-point literal ({@code 1.5}, {@code 1e3}, {@code .5}); the value keeps the
   * scale of the source ({@code 1.50} has scale 2).
   */
  public record FloatLit(Pos pos, int end, String text, BigDecimal value) implements Expr {}

  /**
   * A string or bytes literal without interpolation.
   *
   * @param text the source text including quotes and hashes
   * @param value the decoded value; for bytes literals each char is one byte (0..255)
   * @param bytes whether it is a bytes literal ({@code '...'})
   * @param multiline whether it uses triple quotes
   * @param hashes the number of {@code #} of a raw literal ({@code #"..."#} has 1)
   */
  public record StringLit(
      Pos pos, int end, String text, String value, boolean bytes, boolean multiline, int hashes)
      implements Expr, Label {
    /** The bytes of the value: UTF-8 of a string, the raw bytes of a bytes literal. */
    public byte[] byteValue() {
      return bytes
          ? value.getBytes(StandardCharsets.ISO_8859_1)
          : value.getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * A string or bytes literal with interpolations {@code \(expr)}: {@code fragments.size() ==
   * exprs.size() + 1}; the value is {@code fragments[0] + exprs[0] + fragments[1] + ...}. Fragments
   * are decoded like {@link StringLit#value()}.
   */
  public record Interpolation(
      Pos pos,
      int end,
      boolean bytes,
      boolean multiline,
      int hashes,
      List<String> fragments,
      List<Expr> exprs)
      implements Expr, Label {
    public Interpolation {
      fragments = List.copyOf(fragments);
      exprs = List.copyOf(exprs);
      if (fragments.size() != exprs.size() + 1) {
        throw new IllegalArgumentException("fragments must be one more than exprs");
      }
    }
  }

  /**
   * A struct literal {@code { decls }}.
   *
   * @param implicit true for the struct created by the shorthand {@code a: b: v} (no braces)
   */
  public record StructLit(Pos pos, int end, List<Decl> decls, boolean implicit) implements Expr {
    public StructLit {
      decls = List.copyOf(decls);
    }
  }

  /**
   * A list literal {@code [elements..., ellipsis]}; {@code ellipsis} is the trailing {@code ...T}.
   */
  public record ListLit(Pos pos, int end, List<ListElement> elements, @Nullable Ellipsis ellipsis)
      implements Expr {
    public ListLit {
      elements = List.copyOf(elements);
    }
  }

  /** {@code (x)}. */
  public record ParenExpr(Pos pos, int end, Expr x) implements Expr {}

  /**
   * {@code x.sel}; {@code sel} is an {@link Ident} or a {@link StringLit} ({@code x."a-b"}).
   *
   * @param pos the position of {@code x}
   */
  public record SelectorExpr(Pos pos, int end, Expr x, Label sel) implements Expr {
    /** The selected name (identifier name or decoded string). */
    public String name() {
      return sel instanceof Ident i ? i.name() : ((StringLit) sel).value();
    }
  }

  /** {@code x[index]}. */
  public record IndexExpr(Pos pos, int end, Expr x, Expr index) implements Expr {}

  /** {@code x[low:high]}. */
  public record SliceExpr(Pos pos, int end, Expr x, @Nullable Expr low, @Nullable Expr high)
      implements Expr {}

  /** {@code fun(args...)}. */
  public record CallExpr(Pos pos, int end, Expr fun, List<Expr> args) implements Expr {
    public CallExpr {
      args = List.copyOf(args);
    }
  }

  /**
   * A unary expression: {@code -x}, {@code +x}, {@code !x}, {@code *x} (default marker), or a bound
   * {@code >=x}, {@code =~x}, ...
   */
  public record UnaryExpr(Pos pos, int end, Op op, Expr x) implements Expr {}

  /**
   * A binary expression {@code x op y}.
   *
   * @param pos the position of {@code x}
   * @param opPos the position of the operator
   */
  public record BinaryExpr(Pos pos, int end, Op op, Expr x, Expr y, Pos opPos) implements Expr {}

  /**
   * {@code X=expr}: a value alias (field value, embedding, list element, inside {@code (...)} and
   * {@code [...]} labels). Only produced where the grammar allows an alias.
   */
  public record AliasExpr(Pos pos, int end, Ident alias, Expr expr) implements Expr {}
}
