package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.eval.Conjunct.Hist;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Struct literals: how the declarations of one literal become arcs and conjuncts of the vertex it
 * is added to.
 *
 * <p>A struct literal opens a frame whose vertex is the node ({@link Env#struct}); its declarations
 * are split up at once, without evaluating anything: a field {@code l: e} becomes a conjunct {@code
 * e} of the arc {@code l} (created if missing, and matched against the node's pattern constraints);
 * an embedded expression is added to the node itself, in the literal's frame; a pattern {@code [p]:
 * e} is recorded and applied to every arc whose label matches {@code p}, now and later; {@code
 * ...T} applies {@code T} to the fields that the literal's own labels and patterns do not cover
 * ({@link #applyRest}); dynamic fields {@code (k): e} wait until their label is concrete ({@link
 * #runDyn}, retried like comprehensions). Each literal also contributes a chain of its labels to
 * the node's export order ({@link Order}); an embedded literal or comprehension inserts its labels
 * at the place of the embedding ({@link LabelChain.Cursor}).
 */
final class Structs {
  private Structs() {}

  /** A pattern constraint of this vertex. */
  static final class Pat {
    final NodeContext n;
    final Adt.PatternD d;
    final Env env;
    final CloseInfo childCi;
    final @Nullable Hist hist;
    @Nullable Vertex filter;

    Pat(NodeContext n, Adt.PatternD d, Env env, CloseInfo childCi, @Nullable Hist hist) {
      this.n = n;
      this.d = d;
      this.env = env;
      this.childCi = childCi;
      this.hist = hist;
    }

    /** The pattern's label filter, evaluated once. */
    Vertex filter() {
      Vertex f = filter;
      if (f == null) {
        try {
          f = n.ev.operand(d.filter(), env);
        } catch (BottomEx e) {
          f = Vertex.ofValue(e.bottom);
        }
        filter = f;
      }
      return f;
    }

    boolean matches(String label) {
      if (!Labels.isRegular(label)) {
        return false;
      }
      return matchesLabel(n.ev, filter(), Labels.display(label));
    }

    void apply(Vertex arc) {
      Env e =
          d.alias() == null
              ? env
              : Env.bind(env, d.alias(), new Atom.Str(Labels.display(arc.label)));
      addArcConj(n, arc, new Conjunct(d.value(), e, childCi, hist));
    }
  }

  /** What a struct literal with a typed {@code ...T} declares: {@code T} applies to the rest. */
  static final class LitInfo {
    final Set<String> labels = new HashSet<>();
    final List<Pat> patterns = new ArrayList<>(0);
    final Conjunct rest;

    LitInfo(Conjunct rest) {
      this.rest = rest;
    }
  }

  /** A dynamic field of a literal, added once its label is concrete. */
  record Dyn(
      Adt.DynFieldD d,
      Env env,
      CloseInfo litCi,
      @Nullable LitInfo li,
      @Nullable Hist hist,
      LabelChain chain,
      boolean ownChain) {}

  static void addStruct(NodeContext n, Adt.StructE s, Conjunct c) {
    CloseInfo litCi = Closedness.enterStruct(n, c.ci(), s);
    CloseInfo fieldCi = litCi.field("");
    Env cenv = Env.struct(c.env(), n.v, s);
    LitInfo li = null;
    List<Adt.Decl> decls = s.decls();
    for (int i = 0; s.hasEllipsis() && i < decls.size(); i++) {
      if (decls.get(i) instanceof Adt.EllipsisD el) {
        Closedness.noteOpen(n, litCi);
        if (el.type() != null) {
          li = new LitInfo(new Conjunct(el.type(), cenv, fieldCi, c.hist()));
          n.restLitsForUpdate().add(li);
        }
      }
    }
    n.structSeen = true;
    if (!s.hasEmbed() || s.hasRegular()) {
      n.structForced = true;
    }
    n.v.expectArcs(decls.size());
    LabelChain.Cursor cursor = n.pendingChain;
    n.pendingChain = null;
    LabelChain chain;
    boolean ownChain = cursor == null;
    if (ownChain) {
      chain = new LabelChain(n.unit, decls.size(), n.embedStep, n.embedAfter);
      n.chainsForUpdate().add(chain);
      cursor = new LabelChain.Cursor(chain, -1);
    } else {
      chain = cursor.chain;
    }
    int lastStep = 0; // the last embedding of this literal that was not a literal itself
    int lastEmbed = -1; // and its declaration
    // A literal with a chain of its own that embeds others by reference is a step of its
    // embeddings' sequence, at the place of its last field (CUE orders literals by such positions);
    // both are found at its first such embedding.
    int selfStep = 0;
    int lastField = -1;
    // While the node's arcs are exactly the fields this literal added, and its labels are
    // distinct, a field's label is new to the node.
    int added = s.mayRepeatLabel() ? -1 : 0;
    for (int i = 0; i < decls.size(); i++) {
      Adt.Decl d = decls.get(i);
      if (d instanceof Adt.FieldD f) {
        if (li != null) {
          li.labels.add(f.label());
        }
        int arcs = n.v.arcs.size();
        boolean onlyOurs = arcs == added;
        Vertex a = arc(n, f.label(), f.type(), onlyOurs);
        if (n.v.arcs.size() > arcs) {
          added += onlyOurs ? 1 : 0;
          cursor.addNew(f.label()); // a new arc: no chain of the node has the label
        } else {
          cursor.add(f.label());
        }
        if (a == null) {
          continue;
        }
        if (!f.docs().isEmpty()) {
          addDocs(a, f.docs());
        }
        // a regular field's provenance is the same for all: made once, above
        CloseInfo ci = Labels.isDefinition(f.label()) ? litCi.field(f.label()) : fieldCi;
        addArcConj(n, a, new Conjunct(f.value(), cenv, ci, c.hist()));
      } else if (d instanceof Adt.LetD l) {
      } else if (d instanceof Adt.EmbedD em) {
        LabelChain.Cursor embedCursor = null;
        int step = n.embedStep;
        int after = n.embedAfter;
        if (em.expr() instanceof Adt.StructE) {
          embedCursor = new LabelChain.Cursor(chain, cursor.anchor);
          n.pendingChain = embedCursor;
        } else {
          if (ownChain && selfStep == 0) {
            lastField = lastFieldOf(decls);
            selfStep = ++n.ev.embedSteps;
            chain.setSelfStep(selfStep);
          }
          // The literals it brings get chains of their own, after those of the embedding before,
          // or after this literal's fields when its last one is declared between the two.
          n.embedAfter =
              selfStep != 0 && lastEmbed < lastField && lastField < i ? selfStep : lastStep;
          n.embedStep = lastStep = ++n.ev.embedSteps;
          lastEmbed = i;
          if (ownChain
              && (em.expr() instanceof Adt.RefE
                  || em.expr() instanceof Adt.SelE
                  || em.expr() instanceof Adt.IdxE)) {
            // a reference (not, say, `a & b`): CUE places this literal by what it brings
            // (Order.Moves)
            chain.addEmbed(lastStep);
          }
          if (i < lastField) {
            chain.setSelfAfter(lastStep);
          }
        }
        n.add(
            new Conjunct(em.expr(), cenv, Closedness.enterEmbedding(n, litCi, em.expr()), c.hist()),
            n.viaCycle);
        n.pendingChain = null;
        n.embedStep = step;
        n.embedAfter = after;
        if (embedCursor != null) {
          cursor.anchor = embedCursor.anchor;
        }
      } else if (d instanceof Adt.PatternD p) {
        Pat pat = new Pat(n, p, cenv, fieldCi, c.hist());
        if (li != null) {
          li.patterns.add(pat);
        }
        n.patternsForUpdate().add(pat);
        for (Vertex a : new ArrayList<>(n.v.arcs.values())) {
          if (pat.matches(a.label)) {
            pat.apply(a);
          }
        }
      } else if (d instanceof Adt.DynFieldD df) {
        n.dynsForUpdate().add(new Dyn(df, cenv, litCi, li, c.hist(), chain, ownChain));
      } else if (d instanceof Adt.CompD cd) {
        // The comprehension's place: what it yields goes there, whenever it runs, so after what
        // the comprehensions declared before it yield (at a shared place, the later would go
        // first).
        cursor.anchor = chain.insertPlaceAfter(cursor.anchor);
        n.compsForUpdate()
            .add(
                new Comprehensions.Comp(
                    cd,
                    cenv,
                    litCi,
                    c.hist(),
                    new LabelChain.Cursor(chain, cursor.anchor),
                    n.viaCycle));
      }
    }
  }

  /** The index of the last field (fixed or dynamic) among the declarations, or -1. */
  private static int lastFieldOf(List<Adt.Decl> decls) {
    for (int i = decls.size() - 1; i >= 0; i--) {
      if (decls.get(i) instanceof Adt.FieldD || decls.get(i) instanceof Adt.DynFieldD) {
        return i;
      }
    }
    return -1;
  }

  static void addDocs(Vertex a, List<String> docs) {
    if (a.docs.isEmpty()) {
      a.docs = new ArrayList<>(docs);
    } else {
      for (String s : docs) {
        if (!a.docs.contains(s)) {
          a.docs.add(s);
        }
      }
    }
  }

  /** Returns the arc for a label, creating it; null if the label may not be added. */
  @Nullable
  static Vertex arc(NodeContext n, String label, Adt.ArcType type) {
    return arc(n, label, type, false);
  }

  /** {@link #arc(NodeContext, String, Adt.ArcType)}, told whether the label is known to be new. */
  @Nullable
  private static Vertex arc(NodeContext n, String label, Adt.ArcType type, boolean isNew) {
    Vertex a = isNew ? null : n.v.arcs.get(label);
    if (a == null) {
      if (n.frozen && Labels.isRegular(label)) {
        n.errorsForUpdate()
            .add(
                Atom.Bottom.fatal(
                    CueError.Kind.CYCLE,
                    "adding field "
                        + Labels.display(label)
                        + " not allowed as field set was already referenced"));
        return null;
      }
      if (!n.missing.isEmpty() && n.missing.contains(label)) {
        n.errorsForUpdate()
            .add(Atom.Bottom.incomplete("cyclic reference to field " + Labels.display(label)));
      }
      n.ev.countVertex();
      n.ev.checkDepth(n.v);
      a = new Vertex(n.v, label);
      a.arcType = type;
      n.v.addNewArc(a);
      if (!n.patterns.isEmpty()) {
        for (Pat p : n.patterns) {
          if (p.matches(label)) {
            p.apply(a);
          }
        }
      }
      return a;
    }
    Adt.ArcType old = a.arcType;
    if (old != Adt.ArcType.REGULAR) {
      if (type == Adt.ArcType.REGULAR) {
        if (!n.optLookups.isEmpty() && n.optLookups.contains(label)) {
          n.errorsForUpdate()
              .add(
                  Atom.Bottom.fatal(
                      CueError.Kind.CYCLE,
                      "circular dependency in evaluation of conditionals: "
                          + Labels.display(label)
                          + " changed after evaluation"));
        }
        a.arcType = Adt.ArcType.REGULAR;
      } else if (type == Adt.ArcType.REQUIRED) {
        a.arcType = Adt.ArcType.REQUIRED;
      }
    }
    return a;
  }

  static void addArcConj(NodeContext n, Vertex a, Conjunct c) {
    a.addConjunct(c);
    if (a.state == Vertex.EVALUATED) {
      Evaluation.reset(a);
    }
  }

  /** Adds a dynamic field; returns its incomplete label error to retry later, else null. */
  static Atom.@Nullable Bottom runDyn(NodeContext n, Dyn d) {
    String label;
    Set<String> missingBefore = n.missingSnapshot();
    try {
      Vertex lv = n.ev.operand(d.d().labelExpr(), d.env());
      Atom s = n.ev.concrete(lv, d.d().pos());
      if (!(s instanceof Atom.Str str)) {
        n.errorsForUpdate()
            .add(
                Atom.Bottom.fatal(
                    CueError.Kind.OTHER,
                    "invalid label: cannot use "
                        + s
                        + " (type "
                        + Atom.kindName(s.kindMask())
                        + ") as label",
                    d.d().pos()));
        return null;
      }
      label = Labels.quoted(str.s());
    } catch (BottomEx b) {
      if (b.bottom.incomplete()) {
        n.restoreMissing(missingBefore);
        return b.bottom;
      }
      n.errorsForUpdate().add(b.bottom);
      return null;
    }
    if (d.li() != null) {
      d.li().labels.add(label);
    }
    d.chain().appendDynamic(label, d.ownChain());
    Vertex a = arc(n, label, d.d().type());
    if (a == null) {
      return null;
    }
    if (!d.d().docs().isEmpty()) {
      addDocs(a, d.d().docs());
    }
    addArcConj(n, a, new Conjunct(d.d().value(), d.env(), d.litCi().field(label), d.hist()));
    return null;
  }

  static void applyRest(NodeContext n) {
    for (LitInfo li : n.restLits) {
      for (Vertex a : new ArrayList<>(n.v.arcs.values())) {
        if (!Labels.isRegular(a.label) || a.isLet || li.labels.contains(a.label)) {
          continue;
        }
        boolean matched = false;
        for (Pat p : li.patterns) {
          if (p.matches(a.label)) {
            matched = true;
            break;
          }
        }
        if (!matched) {
          addArcConj(n, a, li.rest);
        }
      }
    }
  }

  static boolean matchesLabel(Evaluation ev, Vertex filter, String label) {
    Vertex f = filter.deref();
    Atom s = new Atom.Str(label);
    switch (f.kind) {
      case Vertex.K_TOP:
        return true;
      case Vertex.K_SCALAR:
        return f.scalar.equals(s);
      case Vertex.K_CONSTRAINT:
        if ((f.kindMask & Atom.STRING) == 0) {
          return false;
        }
        for (Atom c : f.constraints) {
          if (c instanceof Atom.Bound b && Ops.checkBound(b, s) != null) {
            return false;
          }
        }
        return true;
      case Vertex.K_DISJ:
        for (Vertex a : f.disjuncts) {
          if (matchesLabel(ev, a, label)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }
}
