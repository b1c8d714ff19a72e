package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Adt.ArcType;
import io.vela4j.cue.internal.eval.Adt.RefKind;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a syntax tree into {@link Adt}: resolves identifiers lexically to (frame count, name),
 * imports to builtin packages, and reports unresolved references and unused lets.
 */
final class Compiler {

  /** A compile error collected while compiling. */
  record Problem(CueError.Kind kind, String message, Ast.@Nullable Pos pos) {}

  /**
   * What a name declared in a scope refers to: the field its alias names ({@code X=x: 1}, target
   * {@code x}), a let, a comprehension variable or a pattern's label (target: the name itself).
   *
   * <p>CUE tells two kinds of names apart: aliases and lets ({@link #aliasLike}), and fields with
   * comprehension variables and let clauses. A name may not be both kinds where one is in the
   * other's scope ({@code X: 1} and {@code o: {let X = 2}}), and an alias or let may not be
   * declared twice in one scope; the same kind in an inner scope shadows.
   */
  private static final class Binding {
    final RefKind kind;
    final String name;
    final String target;
    final Ast.@Nullable Pos pos;
    final boolean mustUse;
    final boolean aliasLike;
    int uses;

    /**
     * For the alias of a field with a dynamic label ({@code X="\(k)": v}), that label's expression:
     * the alias is the field of the struct whose label it computes.
     */
    Ast.@Nullable Expr dynamicLabel;

    /**
     * Whether {@link #dynamicLabel} is being compiled for a use (an alias used in it is a cycle).
     */
    boolean compilingLabel;

    /**
     * Whether this let's own expression is being compiled: a comprehension variable of its name
     * declared there is no conflict (CUE: {@code let cps = [for _, cps in x {cps}]}).
     */
    boolean defining;

    private Binding(
        RefKind kind,
        String name,
        String target,
        Ast.@Nullable Pos pos,
        boolean mustUse,
        boolean aliasLike) {
      this.kind = kind;
      this.name = name;
      this.target = target;
      this.pos = pos;
      this.mustUse = mustUse;
      this.aliasLike = aliasLike;
    }

    /** {@code let x = ...}: an error when unused. */
    static Binding let(Ast.Ident name, Ast.@Nullable Pos pos) {
      return new Binding(RefKind.LET, name.name(), name.name(), pos, true, true);
    }

    /** {@code X=x: ...} or {@code x: X=...}: the field {@code label}; an error when unused. */
    static Binding fieldAlias(Ast.Ident name, String label, Ast.@Nullable Pos pos) {
      return new Binding(RefKind.FIELD, name.name(), label, pos, true, true);
    }

    /**
     * {@code x: V={...}}: the struct literal's own value (its frame, one below the scope of this
     * binding); an error when unused.
     */
    static Binding structAlias(Ast.Ident name, Ast.@Nullable Pos pos) {
      return new Binding(RefKind.SELF, name.name(), name.name(), pos, true, true);
    }

    /** {@code X="\(k)": ...} or {@code X=(k): ...}: that field; an error when unused. */
    static Binding dynamicFieldAlias(Ast.Ident name, Ast.Expr label, Ast.@Nullable Pos pos) {
      Binding b = new Binding(RefKind.SELF, name.name(), name.name(), pos, true, true);
      b.dynamicLabel = label;
      return b;
    }

    /** {@code [N=...]: ...}: the label a pattern matched; it need not be used. */
    static Binding patternAlias(Ast.Ident name, Ast.@Nullable Pos pos) {
      return new Binding(RefKind.BIND, name.name(), name.name(), pos, false, true);
    }

    /** A {@code for} variable or a {@code let} clause of a comprehension; it need not be used. */
    static Binding variable(Ast.Ident name, Ast.@Nullable Pos pos) {
      return new Binding(RefKind.BIND, name.name(), name.name(), pos, false, false);
    }
  }

  /** The binding of a field's identifier label to that field: its target is the identifier. */
  private static final Binding FIELD_SELF = new Binding(RefKind.FIELD, "", "", null, false, false);

  /**
   * The names a struct literal or a comprehension clause binds. A literal that binds only its
   * fields' identifier labels, below scopes that bind no alias or let (nothing can conflict), keeps
   * its declarations and makes its table at the first lookup that reaches it: a wide literal that
   * nothing looks into (a struct of 10^6 fields of data) never makes one.
   */
  private static final class Scope {
    final @Nullable Scope parent;
    private final int expected;
    private @Nullable Map<String, Binding> names;
    private List<Ast.Decl> unbound = List.of();

    /** The bindings that must be used (made when the first is added). */
    List<Binding> all = List.of();

    /** Whether this scope or one around it binds an alias or a let. */
    private boolean aliasesInScope;

    /**
     * Whether the evaluation opens a frame for it (a struct literal, a comprehension clause, a
     * pattern); a field value's alias ({@code x: V={...}}) is a scope without one, over the value.
     */
    final boolean frame;

    /** A scope that will bind about {@code expected} names (its table is not grown on the way). */
    Scope(@Nullable Scope parent, int expected) {
      this(parent, expected, true);
    }

    private Scope(@Nullable Scope parent, int expected, boolean frame) {
      this.parent = parent;
      this.expected = expected;
      this.frame = frame;
      this.aliasesInScope = parent != null && parent.aliasesInScope;
    }

    /** The scope of a field's value whose alias names the field ({@code x: V=...}). */
    static Scope ofValueAlias(Scope parent) {
      return new Scope(parent, 1, false);
    }

    /**
     * A literal's scope that binds only the identifier labels of the fields among decls, if no
     * scope around it binds an alias or let; else null.
     */
    static @Nullable Scope ofFields(@Nullable Scope parent, List<Ast.Decl> decls) {
      if (parent != null && parent.aliasesInScope) {
        return null;
      }
      Scope s = new Scope(parent, decls.size());
      s.unbound = decls;
      return s;
    }

    @Nullable Binding get(String name) {
      if (names == null && unbound.size() <= SCAN) {
        // a small literal's fields, looked up where they are declared: no table made
        for (int i = 0; i < unbound.size(); i++) {
          if (name.equals(identLabel(unbound.get(i)))) {
            return FIELD_SELF;
          }
        }
        return null;
      }
      return names().get(name);
    }

    /** The number of fields a scope of only fields' labels looks up by a scan. */
    private static final int SCAN = 8;

    /** The name a declaration binds in its literal's scope: a field's identifier label, or null. */
    private static @Nullable String identLabel(Ast.Decl d) {
      return d instanceof Ast.Field f && f.label() instanceof Ast.Ident id ? id.name() : null;
    }

    private Map<String, Binding> names() {
      Map<String, Binding> m = names;
      if (m == null) {
        m = names = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
        for (int i = 0; i < unbound.size(); i++) {
          String label = identLabel(unbound.get(i));
          if (label != null) {
            m.putIfAbsent(label, FIELD_SELF);
          }
        }
        unbound = List.of();
      }
      return m;
    }

    /** The nearest binding of {@code name} in this scope or around it, else null. */
    @Nullable Binding nearest(String name) {
      for (Scope cur = this; cur != null; cur = cur.parent) {
        Binding b = cur.get(name);
        if (b != null) {
          return b;
        }
      }
      return null;
    }

    /**
     * Binds an alias, a let or a comprehension variable, reporting a name that is both kinds (see
     * {@link Binding}) or an alias or let declared again in this scope; a conflict is reported
     * once: neither of the two bindings is then reported unreferenced.
     */
    void add(Binding b, List<Problem> problems) {
      if (b.mustUse) {
        if (all.isEmpty()) {
          all = new ArrayList<>(2);
        }
        all.add(b);
      }
      if (b.aliasLike) {
        aliasesInScope = true;
      }
      Binding near = nearest(b.name);
      // a name of the other kind in scope, or an alias or let of this scope declared again
      if (near != null
          && !near.defining
          && (near.aliasLike != b.aliasLike || b.aliasLike && get(b.name) == near)) {
        conflict(near, b, b.name, b.pos, problems);
      }
      names().putIfAbsent(b.name, b);
    }

    /**
     * Binds the identifier label of a field to the field: one shared binding ({@link #FIELD_SELF})
     * for all such labels, as a struct of 10^6 fields binds 10^6 of them. A field may be declared
     * again, not where an alias or let of its name is in scope.
     */
    void addField(String name, Ast.@Nullable Pos pos, List<Problem> problems) {
      Binding prev = names().putIfAbsent(name, FIELD_SELF);
      Binding near =
          prev != null ? prev : aliasesInScope && parent != null ? parent.nearest(name) : null;
      if (near != null && near.aliasLike) {
        conflict(near, FIELD_SELF, name, pos, problems);
      }
    }

    private static void conflict(
        Binding prev, Binding b, String name, Ast.@Nullable Pos pos, List<Problem> problems) {
      for (Binding x : List.of(prev, b)) {
        if (x != FIELD_SELF) {
          x.uses++; // (the shared binding of fields is never counted)
        }
      }
      String message =
          prev.aliasLike != b.aliasLike
              ? "cannot have both alias and field with name \"" + name + "\" in same scope"
              : "alias \"" + name + "\" redeclared in same scope";
      problems.add(new Problem(CueError.Kind.SYNTAX, message, pos));
    }
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, String> imports = new LinkedHashMap<>();
  private final Set<String> usedImports = new HashSet<>();
  private final List<Scope> scopes = new ArrayList<>();

  /**
   * The identifier labels of the top-level fields of the other files of the package: a reference
   * that no enclosing scope of this file binds resolves to them (the package scope).
   */
  private final Set<String> packageFields;

  private Compiler(Set<String> packageFields) {
    this.packageFields = packageFields;
  }

  /** Compiles a file; returns its top-level struct literal. */
  static Adt.StructE compile(Ast.File file, List<Problem> problems) {
    return compile(file, Set.of(), problems);
  }

  /**
   * The identifiers that the top-level fields of a file bind, which the other files of its package
   * can refer to.
   */
  static Set<String> topLevelFields(Ast.File file) {
    Set<String> out = new LinkedHashSet<>();
    for (Ast.Decl d : file.decls()) {
      if (d instanceof Ast.Field f && f.label() instanceof Ast.Ident id) {
        out.add(id.name());
      }
    }
    return out;
  }

  /**
   * Compiles one file of a package whose other files declare {@code packageFields} at their top
   * level; returns the file's top-level struct literal.
   */
  static Adt.StructE compile(Ast.File file, Set<String> packageFields, List<Problem> problems) {
    Compiler c = new Compiler(packageFields);
    Set<String> topLevel = topLevelFields(file);
    List<Ast.ImportSpec> specs = new ArrayList<>();
    List<String> specNames = new ArrayList<>();
    for (Ast.ImportDecl d : file.imports()) {
      for (Ast.ImportSpec spec : d.specs()) {
        String path = spec.importPath();
        String name;
        if (spec.name() != null) {
          name = spec.name().name();
        } else {
          int slash = path.lastIndexOf('/');
          name = slash < 0 ? path : path.substring(slash + 1);
          int colon = name.indexOf(':');
          if (colon >= 0) {
            name = name.substring(colon + 1);
          }
        }
        if (!BuiltinCalls.isKnownPackage(path)) {
          c.problems.add(
              new Problem(
                  CueError.Kind.REFERENCE,
                  "package \"" + path + "\" not found (unknown import)",
                  spec.pos()));
        }
        c.imports.put(name, path);
        specs.add(spec);
        specNames.add(name);
      }
    }
    Adt.StructE root = c.compileStruct(file.decls(), null, file.pos(), /* isFile= */ true);
    if (file.packageClause() != null) {
      // The files of a named package are resolved as cue's loader does (ResolveFiles): an import
      // must be used, and no top-level field may take its name. Package-less files skip this.
      for (int i = 0; i < specs.size(); i++) {
        Ast.ImportSpec spec = specs.get(i);
        String name = specNames.get(i);
        String quoted = "\"" + spec.importPath() + "\"";
        if (topLevel.contains(name)) {
          c.problems.add(
              new Problem(
                  CueError.Kind.REFERENCE,
                  name + " redeclared as imported package name",
                  spec.pos()));
        } else if (!c.usedImports.contains(name)) {
          c.problems.add(
              new Problem(
                  CueError.Kind.REFERENCE,
                  "imported and not used: "
                      + quoted
                      + (spec.name() == null ? "" : " as " + spec.name().name()),
                  spec.pos()));
        }
      }
    }
    for (Scope s : c.scopes) {
      for (Binding b : s.all) {
        if (b.mustUse && b.uses == 0) {
          c.problems.add(
              new Problem(
                  CueError.Kind.SYNTAX, "unreferenced alias or let clause " + b.name, b.pos));
        }
      }
    }
    problems.addAll(c.problems);
    return root;
  }

  static String labelOf(Ast.StringLit s) {
    return Labels.quoted(s.value());
  }

  private Scope newScope(@Nullable Scope parent) {
    return newScope(parent, 0);
  }

  private Scope newScope(@Nullable Scope parent, int expected) {
    Scope s = new Scope(parent, expected);
    scopes.add(s);
    return s;
  }

  /**
   * Whether a literal's declarations bind nothing but its fields' labels (no let, no label alias; a
   * value's alias is bound over the value only).
   */
  private static boolean bindsOnlyFields(List<Ast.Decl> decls) {
    for (Ast.Decl d : decls) {
      if (d instanceof Ast.LetDecl || d instanceof Ast.Field f && f.alias() != null) {
        return false;
      }
    }
    return true;
  }

  /** Binds the names a literal's declarations declare, in order, reporting conflicts. */
  private void bind(List<Ast.Decl> decls, Scope s) {
    for (Ast.Decl d : decls) {
      if (d instanceof Ast.Field f) {
        String label = null;
        if (f.label() instanceof Ast.Ident id) {
          label = id.name();
          s.addField(id.name(), f.value().pos(), problems); // where CUE reports a conflict
        } else if (f.label() instanceof Ast.StringLit sl) {
          label = labelOf(sl);
        }
        if (f.alias() != null && label != null) {
          s.add(Binding.fieldAlias(f.alias(), label, f.alias().pos()), problems);
        } else if (f.alias() != null && f.label() instanceof Ast.Interpolation in) {
          s.add(Binding.dynamicFieldAlias(f.alias(), in, f.alias().pos()), problems);
        } else if (f.alias() != null && f.label() instanceof Ast.DynamicLabel dl) {
          Ast.Expr le = dl.expr() instanceof Ast.AliasExpr ae ? ae.expr() : dl.expr();
          s.add(Binding.dynamicFieldAlias(f.alias(), le, f.alias().pos()), problems);
        }
      } else if (d instanceof Ast.LetDecl l) {
        s.add(Binding.let(l.name(), l.pos()), problems);
      }
    }
  }

  /**
   * The scope a field's value is compiled in: the literal's, or, for {@code x: V=value}, one over
   * the value alone that binds V to the field {@code label} (CUE: not visible beside the field).
   */
  private Scope valueScope(Ast.Field f, String label, Scope s) {
    if (!(f.value() instanceof Ast.AliasExpr ae)) {
      return s;
    }
    Scope vs = Scope.ofValueAlias(s);
    scopes.add(vs);
    vs.add(
        ae.expr() instanceof Ast.StructLit
            ? Binding.structAlias(ae.alias(), ae.pos())
            : Binding.fieldAlias(ae.alias(), label, ae.pos()),
        problems);
    return vs;
  }

  private Adt.StructE compileStruct(
      List<Ast.Decl> decls, @Nullable Scope parent, Ast.@Nullable Pos pos, boolean isFile) {
    Scope s = bindsOnlyFields(decls) ? Scope.ofFields(parent, decls) : null;
    if (s != null) {
      scopes.add(s);
    } else {
      s = newScope(parent, decls.size());
      bind(decls, s);
    }
    List<Adt.Decl> out = new ArrayList<>(decls.size());
    for (Ast.Decl d : decls) {
      if (d instanceof Ast.Field f) {
        ArcType type =
            switch (f.constraint()) {
              case REGULAR -> ArcType.REGULAR;
              case OPTIONAL -> ArcType.OPTIONAL;
              case REQUIRED -> ArcType.REQUIRED;
            };
        List<String> docs = docs(f.docs());
        Ast.Label lab = f.label();
        if (lab instanceof Ast.Ident id) {
          out.add(
              new Adt.FieldD(
                  id.name(), type, expr(f.value(), valueScope(f, id.name(), s)), docs, f.pos()));
        } else if (lab instanceof Ast.StringLit sl) {
          String l = labelOf(sl);
          out.add(new Adt.FieldD(l, type, expr(f.value(), valueScope(f, l, s)), docs, f.pos()));
        } else if (lab instanceof Ast.Interpolation in) {
          out.add(new Adt.DynFieldD(expr(in, s), type, expr(f.value(), s), docs, f.pos()));
        } else if (lab instanceof Ast.DynamicLabel dl) {
          Ast.Expr le = dl.expr() instanceof Ast.AliasExpr ae ? ae.expr() : dl.expr();
          out.add(new Adt.DynFieldD(expr(le, s), type, expr(f.value(), s), docs, f.pos()));
        } else if (lab instanceof Ast.PatternLabel pl) {
          if (pl.expr() instanceof Ast.AliasExpr ae) {
            Scope ps = newScope(s);
            // CUE does not require a pattern's label alias to be used ([N=_]: {}).
            ps.add(Binding.patternAlias(ae.alias(), pl.pos()), problems);
            out.add(new Adt.PatternD(expr(ae.expr(), s), expr(f.value(), ps), ae.alias().name()));
          } else {
            out.add(new Adt.PatternD(expr(pl.expr(), s), expr(f.value(), s), null));
          }
        }
      } else if (d instanceof Ast.LetDecl l) {
        Binding lb = s.get(l.name().name());
        if (lb != null) {
          lb.defining = true;
        }
        try {
          out.add(new Adt.LetD(l.name().name(), expr(l.expr(), s)));
        } finally {
          if (lb != null) {
            lb.defining = false;
          }
        }
      } else if (d instanceof Ast.Embedding e) {
        Ast.Expr x = e.expr() instanceof Ast.AliasExpr ae ? ae.expr() : e.expr();
        out.add(new Adt.EmbedD(expr(x, s)));
      } else if (d instanceof Ast.Ellipsis el) {
        out.add(new Adt.EllipsisD(el.type() == null ? null : expr(el.type(), s)));
      } else if (d instanceof Ast.Attribute a) {
      } else if (d instanceof Ast.Comprehension c) {
        out.add(comprehension(c, s));
      }
    }
    return new Adt.StructE(List.copyOf(out), isFile, pos);
  }

  private static List<String> docs(List<Ast.Comment> comments) {
    if (comments.isEmpty()) {
      return List.of();
    }
    StringBuilder sb = new StringBuilder();
    for (Ast.Comment c : comments) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(c.content());
    }
    return List.of(sb.toString());
  }

  private Adt.CompD comprehension(Ast.Comprehension c, Scope s) {
    List<Adt.Clause> clauses = new ArrayList<>();
    Scope cur = s;
    for (Ast.Clause cl : c.clauses()) {
      if (cl instanceof Ast.ForClause f) {
        Adt.Expr src = expr(f.source(), cur);
        Scope ns = newScope(cur);
        // for k, k in s: the value's name hides the key's, as in CUE
        Ast.Ident key = f.key() == null || f.key().name().equals(f.value().name()) ? null : f.key();
        if (key != null) {
          ns.add(Binding.variable(key, key.pos()), problems);
        }
        ns.add(Binding.variable(f.value(), f.value().pos()), problems);
        clauses.add(new Adt.ForC(key == null ? null : key.name(), f.value().name(), src, f.pos()));
        cur = ns;
      } else if (cl instanceof Ast.IfClause i) {
        clauses.add(new Adt.IfC(expr(i.condition(), cur), i.pos()));
      } else if (cl instanceof Ast.LetClause l) {
        Adt.Expr e = expr(l.expr(), cur);
        Scope ns = newScope(cur);
        // Unlike a let declaration, an unused let clause of a comprehension is no error.
        ns.add(Binding.variable(l.name(), l.name().pos()), problems);
        clauses.add(new Adt.LetC(l.name().name(), e));
        cur = ns;
      }
    }
    Adt.StructE body = compileStruct(c.body().decls(), cur, c.body().pos(), false);
    return new Adt.CompD(List.copyOf(clauses), body, c.pos());
  }

  private Adt.Expr ident(Ast.Ident id, Scope s) {
    int up = 0; // frames between the reference and the scope that binds it
    for (Scope cur = s; cur != null; cur = cur.parent) {
      Binding b = cur.get(id.name());
      if (b != null) {
        if (b != FIELD_SELF) {
          b.uses++;
        }
        if (b.dynamicLabel != null) {
          // `X="\(k)": v`: the field of the struct (this binding's frame) that the label
          // computes, the label compiled where X is used
          if (b.compilingLabel) {
            problems.add(
                new Problem(
                    CueError.Kind.CYCLE,
                    "cyclic references in alias " + b.name + " of a dynamic field",
                    id.pos()));
            return new Adt.Lit(Atom.Top.INSTANCE, id.pos());
          }
          b.compilingLabel = true;
          try {
            Adt.Expr label = expr(b.dynamicLabel, s);
            return new Adt.IdxE(new Adt.RefE(up, RefKind.SELF, b.name, id.pos()), label, id.pos());
          } finally {
            b.compilingLabel = false;
          }
        }
        if (b.kind == RefKind.SELF) {
          // `x: V={...}`: the struct literal's frame, the last one passed on the way out
          return new Adt.RefE(up - 1, RefKind.SELF, b.target, id.pos());
        }
        // (a value's alias has no frame: its field is in the next frame out, which is `up`)
        return new Adt.RefE(up, b.kind, b == FIELD_SELF ? id.name() : b.target, id.pos());
      }
      if (cur.frame) {
        up++;
      }
    }
    if (packageFields.contains(id.name())) {
      // A top-level field of another file of the package: all files' fields are arcs of the
      // same root vertex, the frame of each file's outermost scope.
      return new Adt.RefE(up - 1, RefKind.FIELD, id.name(), id.pos());
    }
    Adt.Expr pre = PredeclaredIdentifiers.lookup(id.name(), id.pos());
    if (pre != null) {
      return pre;
    }
    if (imports.containsKey(id.name())) {
      usedImports.add(id.name());
      problems.add(
          new Problem(
              CueError.Kind.REFERENCE,
              "cannot use package " + id.name() + " as a value",
              id.pos()));
      return new Adt.Lit(Atom.Top.INSTANCE, id.pos());
    }
    problems.add(
        new Problem(
            CueError.Kind.REFERENCE, "reference \"" + id.name() + "\" not found", id.pos()));
    return new Adt.Lit(Atom.Top.INSTANCE, id.pos());
  }

  private Adt.Expr expr(Ast.Expr e, Scope s) {
    if (e instanceof Ast.Ident id) {
      return ident(id, s);
    } else if (e instanceof Ast.TopLit t) {
      return new Adt.Lit(Atom.Top.INSTANCE, t.pos());
    } else if (e instanceof Ast.BottomLit b) {
      return new Adt.Lit(
          Atom.Bottom.fatal(CueError.Kind.OTHER, "explicit error (_|_ literal) in source", b.pos()),
          b.pos());
    } else if (e instanceof Ast.NullLit n) {
      return new Adt.Lit(Atom.Null.INSTANCE, n.pos());
    } else if (e instanceof Ast.BoolLit b) {
      return new Adt.Lit(Atom.Bool.of(b.value()), b.pos());
    } else if (e instanceof Ast.IntLit i) {
      long small = i.smallValue();
      return new Adt.Lit(small >= 0 ? Atom.Num.ofLong(small) : Atom.Num.ofInt(i.value()), i.pos());
    } else if (e instanceof Ast.FloatLit f) {
      return new Adt.Lit(new Atom.Num(f.value(), false), f.pos());
    } else if (e instanceof Ast.StringLit sl) {
      return new Adt.Lit(
          sl.bytes() ? new Atom.Bytes(sl.byteValue()) : new Atom.Str(sl.value()), sl.pos());
    } else if (e instanceof Ast.Interpolation in) {
      List<Adt.Expr> xs = new ArrayList<>();
      for (Ast.Expr x : in.exprs()) {
        xs.add(expr(x, s));
      }
      return new Adt.InterpE(in.fragments(), List.copyOf(xs), in.bytes(), in.pos());
    } else if (e instanceof Ast.StructLit st) {
      return compileStruct(st.decls(), s, st.pos(), false);
    } else if (e instanceof Ast.ListLit l) {
      List<Object> elems = new ArrayList<>();
      for (Ast.ListElement el : l.elements()) {
        if (el instanceof Ast.Comprehension c) {
          elems.add(comprehension(c, s));
        } else if (el instanceof Ast.AliasExpr ae) {
          elems.add(expr(ae.expr(), s));
        } else {
          elems.add(expr((Ast.Expr) el, s));
        }
      }
      Adt.Expr tail = null;
      boolean open = l.ellipsis() != null;
      if (l.ellipsis() != null && l.ellipsis().type() != null) {
        tail = expr(l.ellipsis().type(), s);
      }
      return new Adt.ListE(List.copyOf(elems), open, tail, l.pos());
    } else if (e instanceof Ast.ParenExpr p) {
      return expr(p.x(), s);
    } else if (e instanceof Ast.SelectorExpr sel) {
      if (sel.x() instanceof Ast.Ident id
          && s.nearest(id.name()) == null
          && imports.containsKey(id.name())) {
        String path = imports.get(id.name());
        usedImports.add(id.name());
        if (BuiltinCalls.isKnownPackage(path) && !BuiltinCalls.exists(path, sel.name())) {
          problems.add(
              new Problem(
                  CueError.Kind.REFERENCE,
                  "undefined: " + id.name() + "." + sel.name(),
                  sel.sel().pos()));
        }
        return new Adt.BuiltinE(path, sel.name(), sel.pos());
      }
      String label =
          sel.sel() instanceof Ast.StringLit sl ? labelOf(sl) : ((Ast.Ident) sel.sel()).name();
      return new Adt.SelE(expr(sel.x(), s), label, sel.sel().pos());
    } else if (e instanceof Ast.IndexExpr ix) {
      return new Adt.IdxE(expr(ix.x(), s), expr(ix.index(), s), ix.pos());
    } else if (e instanceof Ast.SliceExpr sl) {
      return new Adt.SliceE(
          expr(sl.x(), s),
          sl.low() == null ? null : expr(sl.low(), s),
          sl.high() == null ? null : expr(sl.high(), s),
          sl.pos());
    } else if (e instanceof Ast.CallExpr c) {
      if (c.fun() instanceof Ast.Ident fid
          && (fid.name().equals("or") || fid.name().equals("and"))
          && s.nearest(fid.name()) == null
          && c.args().size() == 1
          && c.args().get(0) instanceof Ast.ListLit ll
          && ll.ellipsis() == null
          && ll.elements().stream().allMatch(x -> x instanceof Ast.Expr)
          && !ll.elements().isEmpty()) {
        List<Adt.Expr> xs = new ArrayList<>();
        for (Ast.ListElement el : ll.elements()) {
          xs.add(expr((Ast.Expr) el, s));
        }
        if (fid.name().equals("or")) {
          return new Adt.DisjE(List.copyOf(xs), new boolean[xs.size()], false, c.pos());
        }
        Adt.Expr acc = xs.get(0);
        for (int i = 1; i < xs.size(); i++) {
          acc = new Adt.BinE(Ast.Op.AND, acc, xs.get(i), c.pos());
        }
        return acc;
      }
      List<Adt.Expr> args = new ArrayList<>();
      for (Ast.Expr a : c.args()) {
        args.add(expr(a, s));
      }
      return new Adt.CallE(expr(c.fun(), s), List.copyOf(args), c.pos());
    } else if (e instanceof Ast.UnaryExpr u) {
      return unary(u, s);
    } else if (e instanceof Ast.BinaryExpr b) {
      if (b.op() == Ast.Op.OR) {
        List<Ast.Expr> terms = new ArrayList<>();
        flattenOr(b, terms);
        List<Adt.Expr> xs = new ArrayList<>();
        boolean[] marks = new boolean[terms.size()];
        boolean any = false;
        for (int i = 0; i < terms.size(); i++) {
          Ast.Expr t = terms.get(i);
          if (t instanceof Ast.UnaryExpr u && u.op() == Ast.Op.MUL) {
            marks[i] = true;
            any = true;
            xs.add(expr(u.x(), s));
          } else {
            xs.add(expr(t, s));
          }
        }
        return new Adt.DisjE(List.copyOf(xs), marks, any, b.pos());
      }
      for (Ast.Expr operand : List.of(b.x(), b.y())) {
        if (operand instanceof Ast.UnaryExpr ue && ue.op() == Ast.Op.MUL) {
          problems.add(
              new Problem(
                  CueError.Kind.SYNTAX, "preference mark not allowed at this position", ue.pos()));
        }
      }
      Adt.Expr x = expr(b.x(), s);
      Adt.Expr y = expr(b.y(), s);
      if (b.op() != Ast.Op.AND) {
        assertConcreteIsPossible(b.x(), b.op(), x);
        assertConcreteIsPossible(b.y(), b.op(), y);
      }
      return new Adt.BinE(b.op(), x, y, b.opPos());
    } else if (e instanceof Ast.AliasExpr a) {
      return expr(a.expr(), s);
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * An operand of an operator other than {@code &} and {@code |} that can never be concrete (a type
   * such as {@code string}, {@code _} or a bound written in place) is a compile error, as in CUE's
   * compiler ({@code internal/core/compile}, {@code assertConcreteIsPossible}, unchanged from v0.4
   * to after v0.14): {@code x: 1 | (2 >= string)} is rejected, not reduced to {@code 1}.
   */
  private void assertConcreteIsPossible(Ast.Expr src, Ast.Op op, Adt.Expr x) {
    boolean possible;
    if (x instanceof Adt.Lit l) {
      possible = l.value() instanceof Atom.Bottom || Atom.isConcrete(l.value());
    } else {
      possible = !(x instanceof Adt.UnaryE u && u.op().isRelational());
    }
    if (!possible) {
      problems.add(
          new Problem(
              CueError.Kind.SYNTAX,
              "invalid operand "
                  + io.vela4j.cue.internal.syntax.Printer.print(src)
                  + " ('"
                  + op.token()
                  + "' requires concrete value)",
              src.pos()));
    }
  }

  private static void flattenOr(Ast.Expr e, List<Ast.Expr> out) {
    if (e instanceof Ast.BinaryExpr b && b.op() == Ast.Op.OR) {
      flattenOr(b.x(), out);
      flattenOr(b.y(), out);
    } else {
      out.add(e);
    }
  }

  private Adt.Expr unary(Ast.UnaryExpr u, Scope s) {
    Adt.Expr x = expr(u.x(), s);
    if (u.op() == Ast.Op.MUL) {
      return new Adt.DisjE(List.of(x), new boolean[] {true}, true, u.pos());
    }
    if (u.op() == Ast.Op.SUB && x instanceof Adt.Lit l && l.value() instanceof Atom.Num n) {
      return new Adt.Lit(new Atom.Num(n.d().negate(), n.isInt()), u.pos());
    }
    if (u.op().isRelational() && x instanceof Adt.Lit l && Atom.isConcrete(l.value())) {
      return new Adt.Lit(Ops.bound(u.op(), l.value(), u.pos()), u.pos());
    }
    return new Adt.UnaryE(u.op(), x, u.pos());
  }
}
