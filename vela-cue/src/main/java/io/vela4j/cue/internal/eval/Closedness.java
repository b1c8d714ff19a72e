package io.vela4j.cue.internal.eval;

import io.vela4j.cue.CueError;
import io.vela4j.cue.internal.eval.Conjunct.CloseInfo;
import io.vela4j.cue.internal.syntax.Ast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Closedness: which regular fields a struct closed by a definition or {@code close()} allows, and
 * which labels a closed struct refuses to look up.
 *
 * <h2>Scopes</h2>
 *
 * <p>Every conjunct carries the <em>scope</em> it descends from ({@link CloseInfo#id}). Scopes form
 * a graph per evaluation ({@link Scopes}): a new scope is opened, under the conjunct's scope, when
 * a reference is resolved (one per target vertex and node), when a field's outermost struct literal
 * is added, when an expression is embedded, and when {@code close()} is applied. Fields declared by
 * a literal keep the literal's scope, so the conjuncts of {@code x.a.b} still tell which definition
 * they came from. A vertex referenced a second time in the same node is not copied again: its scope
 * gets the second reference's scope as an extra parent, so what it declares counts for both paths
 * ({@code #e: #f, #d: #f, x: #e & #d}).
 *
 * <h2>Requirements</h2>
 *
 * <p>Some scopes are <em>requirements</em>: a reference whose target is a definition or lies inside
 * one (recursive: it constrains the fields below too), and {@code close()} (one level). A
 * requirement applies to every node one of whose conjuncts descends from it, and, for a {@code
 * close()}, only to the node where it was applied. So the several declarations of one field inside
 * a definition are <em>combined</em>, never intersected: they all descend from the same reference.
 * A reference to a definition is not a requirement when it is embedded in an operator other than
 * {@code &} and {@code |} inside a struct literal (CUE does not check those). Nor is a reference to
 * a field inside a definition written inside that same definition: {@code #X: {a: {foo: 1}, b: a &
 * {y: 1}}} allows {@code b.y}, as the literal belongs to the definition too; the definition's own
 * requirement still checks {@code b} for a user of {@code #X}.
 *
 * <h2>Evidence</h2>
 *
 * <p>When a struct node is finished ({@link #check}), each regular field must have, for each
 * requirement that applies, <em>evidence</em>: a conjunct of the field (declared by a literal, a
 * pattern that matched, or a {@code ...T}) that descends from the requirement. A requirement that
 * came from an embedding ({@code x: {#A, b: 1}}) also accepts fields declared beside the embedding,
 * in the same outermost literal: {@code b} is allowed, {@code x: c: 1} elsewhere is not. A
 * requirement whose conjuncts at this node include {@code ...} (or a bare {@code _} and no struct)
 * is exempt here. A field without evidence becomes the fatal {@code field not allowed}. Hidden
 * fields, definitions and lets are always allowed.
 *
 * <h2>Lookups</h2>
 *
 * <p>A finished struct that some requirement still closes, or that was declared inside a definition
 * without {@code ...}, refuses a label it does not have and no pattern matches: reading it is the
 * fatal {@code undefined field} ({@code #T: {a: x: 1, v: a.y}}), not an incomplete value.
 */
final class Closedness {
  private Closedness() {}

  /** A requirement: a scope whose descendants must declare every regular field of a node. */
  record Requirement(int id, boolean recursive, int embed, int outer, Vertex owner) {}

  /** The scope graph of one evaluation; scope 0 is "no scope". */
  static final class Scopes {
    private int[] parent = new int[64];

    /** Per scope, the requirement it is, or null (most are none). */
    private @Nullable Requirement[] requirement = new Requirement[64];

    private int size = 1;
    private int requirements;
    private @Nullable Map<Integer, int[]> extra;

    int open(int parentScope) {
      if (size == parent.length) {
        parent = Arrays.copyOf(parent, size * 2);
        requirement = Arrays.copyOf(requirement, size * 2);
      }
      parent[size] = parentScope;
      return size++;
    }

    int require(int parentScope, boolean recursive, CloseInfo ci, Vertex owner) {
      int id = open(parentScope);
      requirement[id] = new Requirement(id, recursive, ci.embed(), ci.outer(), owner);
      requirements++;
      return id;
    }

    boolean anyRequirement() {
      return requirements > 0;
    }

    /** Makes {@code scope} also descend from {@code newParent}. */
    void addParent(int scope, int newParent) {
      if (scope == 0 || newParent == 0 || scope == newParent || under(newParent, scope)) {
        return;
      }
      if (extra == null) {
        extra = new HashMap<>();
      }
      int[] old = extra.get(scope);
      int[] ps = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
      ps[ps.length - 1] = newParent;
      extra.put(scope, ps);
    }

    /** Whether scope {@code id} is {@code ancestor} or descends from it. */
    boolean under(int id, int ancestor) {
      if (ancestor == 0 || id == 0) {
        return false;
      }
      if (extra == null) {
        for (int s = id; s >= ancestor; s = parent[s]) {
          if (s == ancestor) {
            return true;
          }
          if (s == 0) {
            break;
          }
        }
        return false;
      }
      int[] stack = new int[8];
      int sp = 0;
      stack[sp++] = id;
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      while (sp > 0) {
        int s = stack[--sp];
        while (s != 0) {
          if (s == ancestor) {
            return true;
          }
          if (!seen.add(s)) {
            break;
          }
          int[] more = extra.get(s);
          if (more != null) {
            for (int m : more) {
              if (sp == stack.length) {
                stack = Arrays.copyOf(stack, sp * 2);
              }
              stack[sp++] = m;
            }
          }
          s = parent[s];
        }
      }
      return false;
    }

    /** Adds the requirements {@code id} descends from (itself included) to {@code out}. */
    void requirementsAbove(int id, List<Requirement> out) {
      if (requirements == 0) {
        return;
      }
      if (extra == null) {
        // one parent per scope: the chain up to scope 0
        for (int s = id; s != 0; s = parent[s]) {
          Requirement r = requirement[s];
          if (r != null && !out.contains(r)) {
            out.add(r);
          }
        }
        return;
      }
      Map<Integer, int[]> more = extra;
      java.util.Set<Integer> seen = new java.util.HashSet<>();
      List<Integer> todo = new ArrayList<>(2);
      todo.add(id);
      while (!todo.isEmpty()) {
        int s = todo.remove(todo.size() - 1);
        while (s != 0) {
          if (!seen.add(s)) {
            break;
          }
          Requirement r = requirement[s];
          if (r != null && !out.contains(r)) {
            out.add(r);
          }
          int[] ps = more.get(s);
          if (ps != null) {
            for (int m : ps) {
              todo.add(m);
            }
          }
          s = parent[s];
        }
      }
    }
  }

  /** Records that a conjunct with this provenance is being added to the node. */
  static void noteConjunct(NodeContext n, CloseInfo ci) {
    if (ci.id() != 0) {
      n.noteScope(ci.id());
    }
    if (ci.fromDef()) {
      n.anyFromDef = true;
    }
  }

  /**
   * The provenance of the declarations of a struct literal added with {@code ci}: the outermost
   * literal of a field opens the scope an embedded definition closes.
   */
  static CloseInfo enterStruct(NodeContext n, CloseInfo ci, Adt.StructE s) {
    CloseInfo lit = ci;
    if (ci.outer() == 0 && !ci.fromEmbed() && !s.file()) {
      int scope = n.ev.scopes.open(ci.id());
      lit = new CloseInfo(scope, scope, ci.embed(), false, ci.fromDef());
    }
    n.structScopesForUpdate().add(lit.id());
    return lit;
  }

  /** Records {@code ...} (or a struct value, which is open) under this provenance. */
  static void noteOpen(NodeContext n, CloseInfo ci) {
    n.openScopesForUpdate().add(ci.id());
  }

  /**
   * Records a bare {@code _} under this provenance, or a constraint that admits structs but
   * declares no fields ({@code != null}, a {@code struct} validator), which leaves a struct as open
   * as {@code _} does.
   */
  static void noteTop(NodeContext n, CloseInfo ci) {
    n.topScopesForUpdate().add(ci.id());
  }

  /**
   * The provenance of an expression embedded in a literal with provenance {@code lit}: a new
   * embedding scope (a disjunction included: {@code {#A | #B, c: 1}} checks the chosen definition),
   * except for an operator other than {@code &} or {@code |}, whose definitions CUE does not check.
   */
  static CloseInfo enterEmbedding(NodeContext n, CloseInfo lit, Adt.Expr e) {
    if (e instanceof Adt.BinE b && b.op() != Ast.Op.AND) {
      return new CloseInfo(lit.id(), lit.outer(), lit.embed(), true, lit.fromDef());
    }
    int scope = n.ev.scopes.open(lit.id());
    return new CloseInfo(scope, lit.outer(), scope, true, lit.fromDef());
  }

  /**
   * The provenance for the conjuncts of {@code target}, referenced by a conjunct with provenance
   * {@code ci}; null if the target's conjuncts were already added to this node, in which case their
   * scope now also descends from {@code ci}.
   */
  static @Nullable CloseInfo enterReference(
      NodeContext n, CloseInfo ci, @Nullable Env env, Vertex target) {
    boolean closed =
        Labels.isDefinition(target.label)
            || (target.inDefinition && !writtenInItsDefinition(env, target));
    boolean requirement = closed && (ci.embed() != 0 || ci.outer() == 0 || !ci.fromEmbed());
    Scopes scopes = n.ev.scopes;
    int scope = requirement ? scopes.require(ci.id(), true, ci, n.v) : scopes.open(ci.id());
    int seen = n.visit(target, scope);
    if (seen >= 0) {
      scopes.addParent(seen, scope);
      return null;
    }
    return new CloseInfo(scope, ci.outer(), ci.embed(), ci.fromEmbed(), ci.fromDef() || closed);
  }

  /**
   * Whether a reference written in frame {@code env} to {@code target}, a field inside a
   * definition, is written inside that definition too: it then does not close the field, as the
   * literals it is unified with belong to the same definition ({@code #X: {a: {foo: 1}, b: a & {y:
   * 1}}} allows {@code b.y}, as CUE does), while a reference from outside ({@code x: #X.a & {y:
   * 1}}) or into a definition nested deeper does.
   */
  private static boolean writtenInItsDefinition(@Nullable Env env, Vertex target) {
    Vertex def = target.parent;
    while (def != null && !Labels.isDefinition(def.label)) {
      def = def.parent;
    }
    if (def == null) {
      return false;
    }
    // the frames the reference is written in, innermost first: lexically inside the definition
    // when one of them was scheduled into it (or below it, or into a disjunct of it)
    for (Env e = env; e != null; e = e.up) {
      Vertex w = e.vertex;
      if (w != null && (w == def || w.cloneOf == def || def.isAncestorOf(w))) {
        return true;
      }
    }
    return false;
  }

  /** The provenance of the argument of {@code close()}: a one-level requirement. */
  static CloseInfo enterClose(NodeContext n, CloseInfo ci) {
    int scope = n.ev.scopes.require(ci.id(), false, ci, n.v);
    return ci.under(scope);
  }

  /**
   * Checks the regular fields of a finished struct node against the requirements that apply to it,
   * and records whether the struct refuses lookups of labels it does not have.
   */
  static void check(NodeContext n) {
    Scopes scopes = n.ev.scopes;
    boolean closed = false;
    if (scopes.anyRequirement()) {
      // the requirements above the node's scopes, then only those that apply, in one list that
      // the evaluation reuses (checking computes nothing that could check another node meanwhile)
      List<Requirement> live = n.ev.requirementScratch;
      live.clear();
      for (int i = 0; i < n.scopeCount; i++) {
        scopes.requirementsAbove(n.scope(i), live);
      }
      int kept = 0;
      for (int i = 0; i < live.size(); i++) {
        Requirement r = live.get(i);
        if ((r.recursive() || r.owner() == n.v) && !exempt(n, r)) {
          live.set(kept++, r);
        }
      }
      live.subList(kept, live.size()).clear();
      if (!live.isEmpty()) {
        closed = true;
        for (Vertex a : n.v.arcs.values()) {
          if (!Labels.isRegular(a.label) || a.isLet) {
            continue;
          }
          for (Requirement r : live) {
            if (!hasEvidence(scopes, a, r)) {
              notAllowed(a);
              break;
            }
          }
        }
      }
    }
    if (!closed
        && n.anyFromDef
        && n.openScopes.isEmpty()
        && (n.topScopes.isEmpty() || !n.structScopes.isEmpty())) {
      closed = true;
    }
    if (closed) {
      n.v.closedToLookups = true;
      if (!n.patterns.isEmpty()) {
        List<Vertex> filters = new ArrayList<>(n.patterns.size());
        for (Structs.Pat p : n.patterns) {
          filters.add(p.filter());
        }
        n.v.lookupFilters = filters;
      } else {
        n.v.lookupFilters = List.of();
      }
    }
  }

  private static boolean exempt(NodeContext n, Requirement r) {
    Scopes scopes = n.ev.scopes;
    for (int i = 0; i < n.openScopes.size(); i++) {
      if (scopes.under(n.openScopes.get(i), r.id())) {
        return true;
      }
    }
    boolean top = false;
    for (int i = 0; i < n.topScopes.size(); i++) {
      if (scopes.under(n.topScopes.get(i), r.id())) {
        top = true;
        break;
      }
    }
    if (!top) {
      return false;
    }
    for (int i = 0; i < n.structScopes.size(); i++) {
      if (scopes.under(n.structScopes.get(i), r.id())) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEvidence(Scopes scopes, Vertex a, Requirement r) {
    for (int i = 0; i < a.conjunctCount(); i++) {
      if (scopes.under(a.conjunct(i).ci().id(), r.id())) {
        return true;
      }
    }
    if (r.embed() != 0) {
      // Fields declared beside the embedding, in the same outermost literal, are added to what
      // the embedded definition allows.
      for (int i = 0; i < a.conjunctCount(); i++) {
        int id = a.conjunct(i).ci().id();
        if (!scopes.under(id, r.embed()) && (r.outer() == 0 || scopes.under(id, r.outer()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void notAllowed(Vertex a) {
    Ast.@Nullable Pos[] at = new Ast.Pos[a.conjunctCount()];
    for (int i = 0; i < at.length; i++) {
      at[i] = a.conjunct(i).expr().pos();
    }
    Atom.Bottom b =
        Atom.Bottom.fatal(CueError.Kind.CLOSEDNESS, "field not allowed", at).withPath(a.path());
    a.notAllowed = b;
    if (a.state == Vertex.EVALUATED) {
      a.kind = Vertex.K_BOTTOM;
      a.err = b;
      a.forward = null;
      // if a was finished already (through a temporary), it is no longer error-free
      a.treeSize = -1;
    }
  }

  /**
   * Whether a finished struct accepts looking up {@code label} that it does not have: false when it
   * is closed and no pattern of it matches the label.
   */
  static boolean acceptsLookup(Evaluation ev, Vertex v, String label) {
    if (!v.closedToLookups || !Labels.isRegular(label)) {
      return true;
    }
    for (Vertex f : v.lookupFilters) {
      if (Structs.matchesLabel(ev, f, Labels.display(label))) {
        return true;
      }
    }
    return false;
  }
}
