package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Disjunctions: expanding the alternatives of a vertex, eliminating the ones that fail, and keeping
 * the defaults.
 *
 * <p>A disjunction conjunct is not evaluated when it arrives; it is recorded as pending, and the
 * node's other conjuncts are processed first. Once the node is otherwise complete, {@link
 * #expandDisjunctions} takes the cross product of the pending disjunctions: for each combination it
 * evaluates a clone of the vertex whose conjuncts are the originals with each disjunction forced to
 * one term (forcing is keyed by the disjunction's site and its occurrence, {@link DKey}), and
 * finalizes it deeply, level by level, until its first fatal error ({@link
 * Evaluation#finalizeDisjunct}); meanwhile a reference to the vertex reads the clone ({@link
 * Evaluation#disjunctOf}). A clone with a fatal error anywhere in its regular fields, or an error
 * of its own, is eliminated (so closedness and conflicts decide which disjuncts survive). Survivors
 * are de-duplicated by a structural {@link #signature}; none left is an empty disjunction (its
 * errors combined), one left becomes the value, several make the vertex a disjunction. Default
 * marks follow {@link Defaults}. Equal disjunctions of atoms and types take one term together
 * ({@link #sameChoice}), and the cross product of the rest is capped at {@code maxDisjuncts}.
 *
 * <p>Two shortcuts skip the clones when no term needs one: a node that is one disjunction of
 * concrete atoms takes them as its alternatives ({@link #expandAtoms}), and a node that is one
 * disjunction of atoms and references to finished scalars or disjunctions of scalars reads their
 * alternatives and marks directly ({@link #extendScalars}), extending the first term's list in
 * place ({@link SharedAlternatives}) — which makes a chain {@code aN: *a(N-1) | N} linear in time
 * and memory although link N has N+1 alternatives.
 *
 * <p>A finished disjunction read as a conjunct elsewhere is added back as a synthesized disjunction
 * of its values ({@link #synthDisj}), and {@code or(list)} becomes a disjunction of the list's
 * elements ({@link #synthOr}); both are cached so that forcing a term in a clone finds the same
 * disjunction again. A clone that makes the {@code or(list)} disjunction anew (its list read from
 * an operand, which the clone evaluates again) finds its term by the call, the disjunction's site.
 */
final class Disjunctions {
  private Disjunctions() {}

  /**
   * Key of a disjunction occurrence, for forcing a choice in a disjunct clone: the site the
   * disjunction comes from (its expression, or the {@code or(list)} call that synthesized it) and
   * its occurrence number among the node's disjunctions from that site.
   */
  static final class DKey {
    final Object site;
    final int occ;

    DKey(Object site, int occ) {
      this.site = site;
      this.occ = occ;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DKey k && k.site == site && k.occ == occ;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(site) * 31 + occ;
    }
  }

  /** A disjunction waiting for its node's other conjuncts, with the frame its terms refer to. */
  record Pending(Adt.DisjE d, Object site, int occ, @Nullable Env env) {}

  static void addDisj(NodeContext n, Adt.DisjE d, Conjunct c) {
    addDisj(n, d, d, c);
  }

  /**
   * Adds disjunction {@code d}, from {@code site}, to the node: the forced term in a disjunct
   * clone, else a pending disjunction. A synthesized disjunction has the site of the expression
   * that made it, so that a clone that makes it again (an {@code or(list)} whose list is
   * re-evaluated in a fresh operand) finds the term it was told to choose.
   */
  static void addDisj(NodeContext n, Adt.DisjE d, Object site, Conjunct c) {
    // The occurrence number of the site in this node: most nodes meet one disjunction, counted
    // without a map.
    int k;
    if (n.occ == null && n.firstSite == null) {
      n.firstSite = site;
      k = 0;
    } else {
      if (n.occ == null) {
        n.occ = new IdentityHashMap<>(4);
        n.occ.put(n.firstSite, 1);
      }
      Integer seen = n.occ.get(site);
      k = seen == null ? 0 : seen;
      n.occ.put(site, k + 1);
    }
    Integer choice = n.forced == null ? null : n.forced.get(new DKey(site, k));
    // (a disjunction made anew from its site has as many terms; one that has fewer is expanded)
    if (choice != null && choice < d.terms().size()) {
      n.add(new Conjunct(d.terms().get(choice), c.env(), c.ci(), c.hist()), n.viaCycle);
      return;
    }
    if (d.terms().size() == 1) {
      n.add(new Conjunct(d.terms().get(0), c.env(), c.ci(), c.hist()), n.viaCycle);
      return;
    }
    n.pendingForUpdate().add(new Pending(d, site, k, c.env()));
  }

  static void expandDisjunctions(NodeContext n) {
    if (expandAtoms(n) || extendScalars(n)) {
      return;
    }
    int count = n.pending.size();
    int[] leader = sameChoice(n.pending);
    long product = 1;
    for (int i = 0; i < count; i++) {
      if (leader[i] != i) {
        continue;
      }
      product *= n.pending.get(i).d().terms().size();
      if (product > n.ev.maxDisjuncts) {
        n.setBottom(
            Atom.Bottom.fatal(
                CueError.Kind.LIMIT,
                "disjunct limit "
                    + n.ev.maxDisjuncts
                    + " exceeded (CueCompiler.Limits.maxDisjuncts): disjunction cross product of "
                    + "more alternatives"));
        return;
      }
    }
    int[] choice = new int[count];
    List<Vertex> alts = new ArrayList<>();
    List<Boolean> defs = new ArrayList<>();
    List<Atom.Bottom> errs = new ArrayList<>();
    while (true) {
      Map<DKey, Integer> f = n.forced == null ? new HashMap<>() : new HashMap<>(n.forced);
      // Spec rules U1/D1: disjunctions without marks do not constrain the default.
      boolean def = true;
      boolean has = false;
      for (int i = 0; i < count; i++) {
        Pending p = n.pending.get(i);
        choice[i] = choice[leader[i]];
        f.put(new DKey(p.site(), p.occ()), choice[i]);
        if (p.d().hasMarks()) {
          has = true;
          if (!p.d().marks()[choice[i]]) {
            def = false;
          }
        }
      }
      Vertex clone = new Vertex(n.v.parent, n.v.label);
      clone.arcType = n.v.arcType;
      clone.addConjuncts(n.v.conjuncts());
      clone.docs = n.v.docs;
      clone.isLet = n.v.isLet;
      clone.cloneOf = n.v.cloneOf != null ? n.v.cloneOf : n.v;
      clone.notAllowed = n.v.notAllowed;
      if (n.ev.cloneDepth >= Evaluation.MAX_CLONE_DEPTH) {
        n.setBottom(
            Atom.Bottom.fatal(
                CueError.Kind.LIMIT,
                "limit exceeded: disjunctions expanded inside each other more than "
                    + Evaluation.MAX_CLONE_DEPTH
                    + " levels deep"));
        return;
      }
      n.ev.cloneDepth++;
      // a reference to the vertex from inside the disjunct (`A: b: A.c.x`, `A: null | {c: x: 1}`)
      // reads the disjunct
      Vertex outer = n.ev.enterDisjunct(clone);
      try {
        n.ev.evaluateWith(clone, f);
        n.ev.finalizeDisjunct(clone);
      } finally {
        n.ev.cloneDepth--;
        n.ev.leaveDisjunct(clone, outer);
      }
      Atom.Bottom fatal = firstFatal(n.ev, clone);
      if (fatal == null
          && clone.deref().kind == Vertex.K_BOTTOM
          && clone.deref().err.kind() != CueError.Kind.CYCLE) {
        // An incomplete error of the disjunct itself (e.g. a reference to a missing field)
        // eliminates it as well: `*cfg.missing | "fallback"` is "fallback". A cycle does not:
        // `a: *(a == _|_) | true` keeps a disjunct that is a cycle error, as CUE does, and
        // fails as a value if that disjunct is the default.
        fatal = clone.deref().err;
      }
      if (fatal != null && fatal.kind() == CueError.Kind.CYCLE) {
        markNarrowedByCycle(n.ev, n.v);
      }
      if (fatal == null) {
        Vertex cd = clone.deref();
        if (cd.kind == Vertex.K_DISJ) {
          boolean[] marks = termMarks(cd, has, def);
          for (int k = 0; k < cd.disjuncts.size(); k++) {
            alts.add(cd.disjuncts.get(k));
            defs.add(marks[k]);
          }
        } else {
          alts.add(cd);
          defs.add(has && def);
        }
      } else {
        errs.add(fatal);
      }
      int i = count - 1;
      while (i >= 0) {
        if (leader[i] != i) {
          i--;
          continue;
        }
        choice[i]++;
        if (choice[i] < n.pending.get(i).d().terms().size()) {
          break;
        }
        choice[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
    }
    if (alts.size() == 1) {
      n.v.forward = alts.get(0); // nothing to de-duplicate; default or not, it is the value
      return;
    }
    // de-duplicate: alternatives of equal signatures become one
    List<Vertex> outAlts = new ArrayList<>(alts.size());
    List<Boolean> outDefs = new ArrayList<>(alts.size());
    FirstNumbers<Object> sigs = new FirstNumbers<>(alts.size());
    for (int i = 0; i < alts.size(); i++) {
      Vertex alt = alts.get(i).deref();
      // A scalar is its own signature (no text to build: chains of defaults make many).
      Object sig = alt.kind == Vertex.K_SCALAR ? alt.scalar : signature(n.ev, alt);
      int j = sigs.numberOf(sig, outAlts.size());
      if (j >= 0) {
        outDefs.set(j, outDefs.get(j) || defs.get(i));
      } else {
        outAlts.add(alts.get(i));
        outDefs.add(defs.get(i));
      }
    }
    if (outAlts.isEmpty()) {
      Atom.Bottom first = errs.isEmpty() ? null : errs.get(0);
      String msg =
          errs.size() == 1
              ? first.message()
              : errs.size()
                  + " errors in empty disjunction"
                  + (first == null ? "" : ": " + first.message());
      List<Ast.Pos> pos = new ArrayList<>();
      for (Atom.Bottom b : errs) {
        pos.addAll(b.positions());
      }
      boolean allIncomplete = !errs.isEmpty() && errs.stream().allMatch(Atom.Bottom::incomplete);
      n.setBottom(
          new Atom.Bottom(
              first == null ? CueError.Kind.CONFLICT : first.kind(),
              allIncomplete,
              msg,
              pos.stream().distinct().toList(),
              ""));
      return;
    }
    if (!outDefs.contains(Boolean.TRUE)) {
      Collections.fill(outDefs, Boolean.TRUE);
    }
    if (outAlts.size() == 1) {
      n.v.forward = outAlts.get(0);
      return;
    }
    n.v.kind = Vertex.K_DISJ;
    n.v.disjuncts = outAlts;
    n.v.defaults = new boolean[outDefs.size()];
    for (int i = 0; i < outDefs.size(); i++) {
      n.v.defaults[i] = outDefs.get(i);
    }
  }

  /**
   * Per pending disjunction, the first one equal to it whose term it takes (itself if none): equal
   * disjunctions whose terms are concrete atoms and basic types ({@code f: *1 | int} from twenty
   * patterns, {@code text: *"default" | string} read through thirty references) choose together.
   * Their cross product adds nothing: the meet of two such terms is one of them or bottom ({@code 1
   * & int} is 1, {@code int & string} fails), and a default of the meet is a meet of defaults,
   * which choosing together reaches as well. Without this, k equal disjunctions of two terms made
   * 2^k clones, where CUE de-duplicates as it goes.
   */
  private static int[] sameChoice(List<Pending> pending) {
    int[] leader = new int[pending.size()];
    if (leader.length == 1) {
      return leader; // the usual node: one disjunction
    }
    Map<List<Object>, Integer> firsts = null;
    for (int i = 0; i < leader.length; i++) {
      leader[i] = i;
      List<Object> key = atomTermsKey(pending.get(i).d());
      if (key == null) {
        continue;
      }
      if (firsts == null) {
        firsts = new HashMap<>();
      }
      Integer first = firsts.putIfAbsent(key, i);
      if (first != null) {
        leader[i] = first;
      }
    }
    return leader;
  }

  /** A disjunction's marks and terms, if every term is a concrete atom or basic type; else null. */
  private static @Nullable List<Object> atomTermsKey(Adt.DisjE d) {
    List<Object> key = new ArrayList<>(d.terms().size() + 1);
    key.add(d.hasMarks() ? Arrays.toString(d.marks()) : "");
    for (Adt.Expr t : d.terms()) {
      Atom a = null;
      if (t instanceof Adt.Lit l) {
        a = l.value();
      } else if (t instanceof Adt.ValueE ve && ve.vertex().state == Vertex.EVALUATED) {
        Vertex x = ve.vertex().deref();
        if (x.arcs.isEmpty() && x.kind == Vertex.K_SCALAR) {
          a = x.scalar;
        } else if (x.arcs.isEmpty() && x.kind == Vertex.K_CONSTRAINT && x.constraints.size() == 1) {
          a = x.constraints.get(0);
        }
      }
      if (a == null || a instanceof Atom.Opaque || !(Atom.isConcrete(a) || basicType(a))) {
        return null;
      }
      key.add(a);
    }
    return key;
  }

  /**
   * A type whose meet with another basic type is one of the two or nothing ({@code number & int}).
   */
  private static boolean basicType(Atom a) {
    if (!(a instanceof Atom.Kind k)) {
      return a instanceof Atom.Top;
    }
    int m = k.mask();
    return m == Atom.BOOL
        || m == Atom.INT
        || m == Atom.FLOAT
        || m == Atom.NUMBER
        || m == Atom.STRING
        || m == Atom.BYTES;
  }

  /**
   * The shortcut for a node that is nothing but one disjunction of concrete atoms ({@code *1 | 2},
   * or a finished disjunction of atoms added back by a reference), or a concrete value and one
   * disjunction of atoms, types and bounds ({@code *1 | int} met with 3): its disjuncts are the
   * atoms themselves (a type or bound that admits the value stands for it), de-duplicated, so no
   * clone is evaluated per term. This keeps chains such as {@code aN: *a(N-1) | N} at a cost
   * proportional to the size of their values. Returns false, having done nothing, when the node has
   * anything else that a term would have to be met with.
   */
  private static boolean expandAtoms(NodeContext n) {
    if ((n.scalar != null && !Atom.isConcrete(n.scalar)) || !onlyOneDisjunction(n)) {
      return false;
    }
    Adt.DisjE d = n.pending.get(0).d();
    // A term that is a finished scalar vertex (a disjunct of the referenced disjunction) is
    // shared, not copied: a chain of N links then holds N vertices, not N²/2.
    List<Atom> atoms = new ArrayList<>(d.terms().size());
    List<@Nullable Vertex> shared = new ArrayList<>(d.terms().size());
    List<Integer> termIndex = new ArrayList<>(d.terms().size());
    for (int ti = 0; ti < d.terms().size(); ti++) {
      Adt.Expr t = d.terms().get(ti);
      Atom a = null;
      Vertex sv = null;
      if (t instanceof Adt.Lit l) {
        a = l.value();
      } else if (t instanceof Adt.ValueE ve
          && ve.vertex().state == Vertex.EVALUATED
          && ve.vertex().deref().kind == Vertex.K_SCALAR) {
        sv = ve.vertex().deref();
        a = sv.scalar;
      }
      if (a == null) {
        return false;
      }
      if (!Atom.isConcrete(a)) {
        // `replicas: *1 | int` filled with 3: a type or bound term met with the node's value is
        // that value when it admits it, and fails otherwise.
        Boolean admits = n.scalar == null ? null : admits(a, n.scalar);
        if (admits == null) {
          return false;
        }
        if (!admits) {
          continue;
        }
        a = n.scalar;
        sv = null;
      } else if (n.scalar != null && !(a.getClass() == n.scalar.getClass() && a.equals(n.scalar))) {
        continue; // `7 & (*0 | 1 | 7)`: only the equal atoms survive
      }
      atoms.add(a);
      shared.add(sv);
      termIndex.add(ti);
    }
    if (atoms.isEmpty()) {
      return false; // no atom survives: the general path reports the conflicts
    }
    // Equal atoms become one alternative.
    FirstNumbers<Atom> seen = new FirstNumbers<>(atoms.size());
    int[] first = new int[atoms.size()]; // per alternative, the atom it was made from
    int altCount = 0;
    List<Boolean> defs = new ArrayList<>(atoms.size());
    for (int i = 0; i < atoms.size(); i++) {
      boolean def = d.hasMarks() && d.marks()[termIndex.get(i)];
      int j = seen.numberOf(atoms.get(i), altCount);
      if (j >= 0) {
        defs.set(j, defs.get(j) || def);
        continue;
      }
      n.ev.tick();
      first[altCount++] = i;
      defs.add(def);
    }
    if (altCount == 1) {
      // one alternative: the node is that atom (or forwards to the finished vertex holding it)
      Vertex x = shared.get(first[0]);
      if (x != null) {
        n.v.forward = x;
      } else {
        n.v.kind = Vertex.K_SCALAR;
        n.v.scalar = atoms.get(first[0]);
      }
      return true;
    }
    List<Vertex> alts = new ArrayList<>(altCount);
    for (int k = 0; k < altCount; k++) {
      Vertex x = shared.get(first[k]);
      if (x == null) {
        n.ev.countVertex();
        x = Vertex.finishedScalar(n.v, atoms.get(first[k]));
      }
      alts.add(x);
    }
    if (!defs.contains(Boolean.TRUE)) {
      Collections.fill(defs, Boolean.TRUE);
    }
    n.v.kind = Vertex.K_DISJ;
    n.v.disjuncts = alts;
    n.v.defaults = new boolean[defs.size()];
    for (int i = 0; i < defs.size(); i++) {
      n.v.defaults[i] = defs.get(i);
    }
    return true;
  }

  /**
   * Whether a type or bound admits a concrete scalar, as {@link Meet#finishValue} decides it (the
   * kinds must overlap, the bound must hold); null for any other constraint (a validator, top),
   * which the general path meets.
   */
  static @Nullable Boolean admits(Atom constraint, Atom scalar) {
    if (constraint instanceof Atom.Kind k) {
      return (scalar.kindMask() & k.mask()) != 0;
    }
    if (constraint instanceof Atom.Bound b) {
      return (scalar.kindMask() & b.kindMask()) != 0 && Ops.checkBound(b, scalar) == null;
    }
    return null;
  }

  /**
   * The shortcut for a node that is nothing but one disjunction whose terms are concrete scalars or
   * references to finished fields holding a scalar or a disjunction of scalars ({@code aN: *a(N-1)
   * | N}): the alternatives are read from the referenced values instead of evaluating one clone per
   * term, with the default marks the general path gives (a term's own defaults count only where the
   * term itself is a default, spec rules U1/D1), and they share the storage of the first term's
   * alternatives ({@link SharedAlternatives}), which come first unchanged. A chain of N links then
   * allocates O(N) in all instead of copying N alternatives per link. Returns false, having done
   * nothing, when a term is anything else (an unfinished or optional field, a let, a struct, a
   * constraint, a selector, …): the general path decides those.
   */
  private static boolean extendScalars(NodeContext n) {
    if (n.scalar != null || !onlyOneDisjunction(n)) {
      return false;
    }
    Pending p = n.pending.get(0);
    Adt.DisjE d = p.d();
    int terms = d.terms().size();
    Object[] parts = new Object[terms];
    for (int ti = 0; ti < terms; ti++) {
      Adt.Expr t = d.terms().get(ti);
      if (t instanceof Adt.Lit l && Atom.isConcrete(l.value())) {
        parts[ti] = l.value();
        continue;
      }
      Vertex tv = t instanceof Adt.RefE r ? finishedField(n, r, p.env()) : null;
      if (tv != null && tv.kind == Vertex.K_SCALAR && Atom.isConcrete(tv.scalar)) {
        parts[ti] = tv.scalar;
      } else if (tv != null
          && tv.kind == Vertex.K_DISJ
          && scalarsOnly(tv)
          && !narrowedByCycle(n.ev, tv)) {
        parts[ti] = tv;
      } else {
        return false;
      }
    }
    boolean has = d.hasMarks();
    // The first term's alternatives come first: shared with it when its list is shared and its
    // marks stay as they are (it is a default and has defaults of its own, as in a chain, or it
    // has none and every alternative stays marked).
    Vertex first = parts[0] instanceof Vertex v ? v : null;
    SharedAlternatives base = null;
    if (first != null && first.disjuncts instanceof SharedAlternatives s) {
      boolean def0 = !has || d.marks()[0];
      boolean own = !Defaults.allMarked(first);
      if (def0 && (own || has)) {
        base = s;
      }
    }
    Later later = new Later(base);
    for (int ti = base == null ? 0 : 1; ti < terms; ti++) {
      boolean def = !has || d.marks()[ti];
      if (parts[ti] instanceof Atom a) {
        later.add(n, a, null, has && def);
      } else {
        Vertex tv = (Vertex) parts[ti];
        boolean[] marks = termMarks(tv, has, def);
        for (int k = 0; k < tv.disjuncts.size(); k++) {
          Vertex alt = tv.disjuncts.get(k).deref();
          later.add(n, alt.scalar, alt, marks[k]);
        }
      }
    }
    SharedAlternatives alts;
    if (base != null && later.raised.isEmpty()) {
      alts = later.alts.isEmpty() ? base : base.extend(later.alts, later.marks);
    } else {
      int baseSize = base == null ? 0 : base.size();
      List<Vertex> all = new ArrayList<>(baseSize + later.alts.size());
      boolean[] marks = new boolean[baseSize + later.alts.size()];
      for (int k = 0; k < baseSize; k++) {
        all.add(base.get(k));
        marks[k] = base.marked(k) || later.raised.contains(k);
      }
      for (int k = 0; k < later.alts.size(); k++) {
        all.add(later.alts.get(k));
        marks[baseSize + k] = later.marks.get(k);
      }
      if (!Defaults.anyTrue(marks)) {
        Arrays.fill(marks, true);
      }
      alts = SharedAlternatives.of(all, marks);
    }
    if (alts.size() == 1) {
      n.v.forward = alts.get(0);
      return true;
    }
    n.v.kind = Vertex.K_DISJ;
    n.v.disjuncts = alts;
    n.v.defaults = null; // kept by the shared list
    return true;
  }

  /**
   * The default marks a disjunction term's alternatives get in the disjunction that contains it
   * (spec rules U1/D1), for the general path and the shortcuts alike: marked only where the term is
   * a default (or the disjunction has no marks) and, when the term has defaults of its own, is one
   * of them; a term without marks of its own in a disjunction without marks marks none.
   */
  private static boolean[] termMarks(Vertex tv, boolean has, boolean def) {
    boolean own = !Defaults.allMarked(tv);
    boolean[] out = new boolean[tv.disjuncts.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (has || own) && def && (!own || Defaults.marked(tv, k));
    }
    return out;
  }

  /**
   * The alternatives that follow the shared ones, in order and de-duplicated, with their marks; and
   * the shared ones that a later equal alternative marks (the shared list cannot be kept then).
   */
  private static final class Later {
    final @Nullable SharedAlternatives base;
    final List<Vertex> alts = new ArrayList<>();
    final List<Boolean> marks = new ArrayList<>();
    final Map<Atom, Integer> index = new HashMap<>();
    final Set<Integer> raised = new HashSet<>();

    Later(@Nullable SharedAlternatives base) {
      this.base = base;
    }

    /**
     * Adds a scalar alternative (the finished vertex {@code existing} holding it, or a new one), or
     * merges its mark into an equal alternative already there.
     */
    void add(NodeContext n, Atom a, @Nullable Vertex existing, boolean mark) {
      int at = base == null ? -1 : base.indexOf(a);
      if (at >= 0) {
        if (mark && !base.marked(at)) {
          raised.add(at);
        }
        return;
      }
      Integer j = index.putIfAbsent(a, alts.size());
      if (j != null) {
        marks.set(j, marks.get(j) || mark);
        return;
      }
      n.ev.tick();
      Vertex x = existing;
      if (x == null) {
        n.ev.countVertex();
        x = Vertex.finishedScalar(n.v, a);
      }
      alts.add(x);
      marks.add(mark);
    }
  }

  /**
   * The finished value of the regular field a reference names, or null when the reference is to
   * anything else (a let, a binding, an optional, missing or unfinished field, the node itself or
   * one of its ancestors): the general path resolves those, with their errors and cycles.
   */
  private static @Nullable Vertex finishedField(NodeContext n, Adt.RefE r, @Nullable Env env) {
    if (env == null || r.kind() != Adt.RefKind.FIELD) {
      return null;
    }
    Vertex frame = env.at(r.up()).vertex;
    Vertex a = frame == null ? null : frame.arcs.get(r.name());
    if (a == null || a.arcType != Adt.ArcType.REGULAR) {
      return null;
    }
    Vertex self = n.v.cloneOf != null ? n.v.cloneOf : n.v;
    if (a == n.v || a == self || a.isAncestorOf(n.v) || a.isAncestorOf(self)) {
      return null;
    }
    if (a.state == Vertex.NEW && frame.state == Vertex.EVALUATED) {
      // Its conjuncts are complete (as in References.addRef): evaluate it where it stands, so
      // that a chain written last link first is as cheap as one written in order.
      n.ev.evaluate(a);
    }
    if (a.state != Vertex.EVALUATED) {
      return null;
    }
    Vertex v = a.deref();
    return v.state == Vertex.EVALUATED ? v : null;
  }

  /** Whether every alternative of a finished disjunction is a concrete scalar. */
  private static boolean scalarsOnly(Vertex disj) {
    if (disj.disjuncts instanceof SharedAlternatives) {
      return true;
    }
    for (Vertex a : disj.disjuncts) {
      Vertex x = a.deref();
      if (x.kind != Vertex.K_SCALAR || !Atom.isConcrete(x.scalar)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the node is nothing but one pending disjunction (and possibly a scalar): no kinds,
   * bounds, errors, validators, fields, elements, patterns, comprehensions or deferred work that a
   * term would have to be met with.
   */
  private static boolean onlyOneDisjunction(NodeContext n) {
    return n.pending.size() == 1
        && n.kinds.isEmpty()
        && n.bounds.isEmpty()
        && n.errors.isEmpty()
        && n.validators.isEmpty()
        && n.kindMask == Atom.ALL
        && !n.structSeen
        && !n.listSeen
        && n.v.arcs.isEmpty()
        && n.patterns.isEmpty()
        && n.dyns.isEmpty()
        && n.listParts.isEmpty()
        && n.comps.isEmpty()
        && n.deferredRefs.isEmpty()
        && (n.tasks == null || n.tasks.isEmpty())
        && n.v.notAllowed == null
        && n.v.validators.isEmpty();
  }

  private static void markNarrowedByCycle(Evaluation ev, Vertex v) {
    if (ev.narrowedByCycle == null) {
      ev.narrowedByCycle = Collections.newSetFromMap(new IdentityHashMap<>(4));
    }
    ev.narrowedByCycle.add(v);
  }

  /**
   * Whether {@code v}'s disjunction lost a term to a structural cycle, one that depends on where
   * the disjunction stands: {@code d: or([for _, y in #A {y}])} with {@code #A: d3: b: d} is {@code
   * int | string} at {@code d}, whose third term contains {@code d} itself, but {@code o: d & {b:
   * 2}} is {@code {b: 2}}. A reference to such a vertex copies its conjuncts, not its finished
   * alternatives.
   */
  static boolean narrowedByCycle(Evaluation ev, Vertex v) {
    return ev.narrowedByCycle != null
        && (ev.narrowedByCycle.contains(v) || ev.narrowedByCycle.contains(v.deref()));
  }

  /** The first fatal error in the regular fields of a finalized vertex, or null. */
  static Atom.@Nullable Bottom firstFatal(Evaluation ev, Vertex v0) {
    return firstFatal(ev, v0, true);
  }

  /** As {@link #firstFatal(Evaluation, Vertex)}, skipping "field not allowed" unless asked. */
  static Atom.@Nullable Bottom firstFatal(Evaluation ev, Vertex v0, boolean closedness) {
    Vertex v = v0.deref();
    if (v.kind == Vertex.K_BOTTOM) {
      return v.err.incomplete() || (!closedness && v.err.kind() == CueError.Kind.CLOSEDNESS)
          ? null
          : v.err;
    }
    if (v.kind == Vertex.K_DISJ) {
      return null;
    }
    for (Vertex a : v.arcs.values()) {
      if (!a.isRegularField()) {
        continue; // as Evaluation#finalizeDisjunct: errors elsewhere do not eliminate a disjunct
      }
      Atom.Bottom b = firstFatal(ev, a, closedness);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  /** A structural signature of a finalized value, for de-duplicating disjuncts. */
  static String signature(Evaluation ev, Vertex v0) {
    StringBuilder sb = new StringBuilder();
    signature(ev, v0, sb);
    return sb.toString();
  }

  static void signature(Evaluation ev, Vertex v0, StringBuilder sb) {
    Vertex v = v0.deref();
    switch (v.kind) {
      case Vertex.K_TOP -> sb.append('_');
      case Vertex.K_BOTTOM -> sb.append("_|_(").append(v.err.message()).append(')');
      case Vertex.K_SCALAR ->
          sb.append(v.scalar.getClass().getSimpleName()).append(':').append(v.scalar);
      case Vertex.K_CONSTRAINT -> sb.append(v.constraints);
      case Vertex.K_DISJ -> {
        sb.append("(");
        for (int i = 0; i < v.disjuncts.size(); i++) {
          sb.append(Defaults.marked(v, i) ? "*" : "").append('|');
          signature(ev, v.disjuncts.get(i), sb);
        }
        sb.append(")");
      }
      case Vertex.K_LIST, Vertex.K_STRUCT -> {
        sb.append(v.kind == Vertex.K_LIST ? (v.listOpen ? "[..." : "[") : "{");
        for (Vertex a : v.arcs.values()) {
          if (a.isLet) {
            continue;
          }
          sb.append(a.label).append(a.arcType == Adt.ArcType.REGULAR ? ":" : "?:");
          signature(ev, a, sb);
          sb.append(',');
        }
        sb.append(v.kind == Vertex.K_LIST ? "]" : "}");
      }
      default -> sb.append('?');
    }
  }

  /**
   * The disjunction {@code or(list)} makes of a list: cached per call and frame, so that a clone
   * that forces one of its terms finds the same disjunction again when it re-evaluates the call
   * (the list itself may be a fresh temporary each time, as in {@code or(*[1, 1] | int)}).
   */
  static Adt.DisjE synthOr(
      Evaluation ev, Adt.CallE call, @Nullable Env env, Vertex lv, Ast.@Nullable Pos pos) {
    OrKey key = new OrKey(call, env);
    Adt.DisjE d = ev.synthOr.get(key);
    if (d == null) {
      List<Adt.Expr> terms = Lists.elementTerms(ev, lv, pos);
      if (terms.isEmpty()) {
        // Incomplete, as in CUE: the list may be a comprehension over fields still to come
        // (`#ID: or([for k, _ in jobs {k}])` in a definition whose jobs are filled in by its uses).
        terms.add(new Adt.Lit(Atom.Bottom.incomplete("empty list in call to or", pos), pos));
      }
      d = new Adt.DisjE(List.copyOf(terms), new boolean[terms.size()], false, pos);
      ev.synthOr.put(key, d);
    }
    return d;
  }

  /** The key of an {@code or(list)} call in one frame (identity of both). */
  record OrKey(Adt.CallE call, @Nullable Env env) {
    @Override
    public boolean equals(Object o) {
      return o instanceof OrKey k && k.call == call && k.env == env;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(call) * 31 + System.identityHashCode(env);
    }
  }

  /**
   * The disjunction a finished disjunction vertex is added back as. Cached by vertex and, for a
   * disjunction of atoms, by its content: a clone that re-evaluates an expression producing a fresh
   * temporary with the same alternatives ({@code [n][0]} with {@code n: *"b" | "a"}) must find the
   * disjunction whose term it was told to choose.
   */
  static Adt.DisjE synthDisj(Evaluation ev, Vertex src) {
    Adt.DisjE d = ev.synth.get(src);
    String key = null;
    if (d == null && References.atomDisjunction(src)) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < src.disjuncts.size(); i++) {
        sb.append(Defaults.marked(src, i) ? '*' : ' ');
        signature(ev, src.disjuncts.get(i), sb);
        sb.append('|');
      }
      key = sb.toString();
      d = ev.synthByContent.get(key);
      if (d != null) {
        ev.synth.put(src, d);
      }
    }
    if (d == null) {
      List<Adt.Expr> terms = new ArrayList<>();
      boolean[] marks = new boolean[src.disjuncts.size()];
      boolean any = false;
      for (int i = 0; i < src.disjuncts.size(); i++) {
        terms.add(new Adt.ValueE(src.disjuncts.get(i)));
        marks[i] = Defaults.marked(src, i);
        any |= marks[i];
      }
      boolean all = Defaults.allTrue(marks);
      d =
          new Adt.DisjE(
              List.copyOf(terms), all ? new boolean[marks.length] : marks, any && !all, null);
      ev.synth.put(src, d);
      if (key != null) {
        ev.synthByContent.put(key, d);
      }
    }
    return d;
  }

  /**
   * Numbers keys, each equal to none before it taking the number it is given, in a disjunction's
   * de-duplication: up to eight keys (a disjunction usually has two or three alternatives) are
   * compared one by one, without a map; more go through a map.
   */
  private static final class FirstNumbers<K> {
    private static final int COMPARED = 8;

    private final @Nullable Map<K, Integer> map;
    private final Object[] keys;
    private final int[] numbers;
    private int size;

    FirstNumbers(int capacity) {
      boolean many = capacity > COMPARED;
      map = many ? new HashMap<>() : null;
      keys = new Object[many ? 0 : capacity];
      numbers = new int[many ? 0 : capacity];
    }

    /**
     * The number of a key equal to {@code k} numbered before; else -1, and k takes {@code number}.
     */
    int numberOf(K k, int number) {
      if (map != null) {
        Integer j = map.putIfAbsent(k, number);
        return j == null ? -1 : j;
      }
      for (int i = 0; i < size; i++) {
        if (keys[i].equals(k)) {
          return numbers[i];
        }
      }
      keys[size] = k;
      numbers[size++] = number;
      return -1;
    }
  }
}
