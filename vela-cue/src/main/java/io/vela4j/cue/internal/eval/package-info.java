/**
 * The CUE evaluator, one concept per file, as CUE's own {@code internal/core/adt} is laid out.
 *
 * <h2>From source to values</h2>
 *
 * <p>{@link io.vela4j.cue.internal.eval.Compiler} turns a parsed file (or the files of one package)
 * into the immutable {@link io.vela4j.cue.internal.eval.Adt} form: every identifier is resolved
 * lexically to a number of frames up and a label, so evaluation never looks at the syntax tree
 * again ({@link io.vela4j.cue.internal.eval.PredeclaredIdentifiers} supplies {@code int}, {@code
 * len}, ...). A compiled program is shared between threads; each evaluation ({@link
 * io.vela4j.cue.internal.eval.Evaluation}) builds its own graph of {@link
 * io.vela4j.cue.internal.eval.Vertex} nodes, one per field, list element or let.
 *
 * <h2>Vertices, conjuncts and environments</h2>
 *
 * <p>A vertex is the unification of its <em>conjuncts</em>: an expression, the {@link
 * io.vela4j.cue.internal.eval.Env} frame it is evaluated in, closedness provenance and the
 * reference history used to find structural cycles ({@link io.vela4j.cue.internal.eval.Conjunct}).
 * Unifying two values never merges evaluated results: it collects conjuncts and evaluates them
 * together. A reference therefore behaves as a copy ({@link
 * io.vela4j.cue.internal.eval.References}): the conjuncts of {@code #A} are re-evaluated inside
 * {@code b: #A & {x: 1}}, so that {@code #A}'s fields see {@code b.x}. The one exception is CUE's
 * structure sharing: a field whose only conjunct refers to a tree that is finished and exports
 * without an error ({@code env: parameter.env}), outside definitions, forwards to that tree, as the
 * copy would be the same value ({@link io.vela4j.cue.internal.eval.Evaluation}); it counts against
 * the value and depth limits as the copy would.
 *
 * <p>A struct may have millions of fields, so a vertex is kept small: its arcs are an {@link
 * io.vela4j.cue.internal.eval.Arcs} (insertion-ordered arrays with an int-array hash index, no
 * entry per arc), its conjuncts are held in the vertex itself (one field for the usual single
 * conjunct), and an int that fits a long is a long in {@link io.vela4j.cue.internal.eval.Atom.Num}.
 *
 * <h2>Evaluating one vertex</h2>
 *
 * <p>{@link io.vela4j.cue.internal.eval.NodeContext} is the state of a vertex under evaluation. Its
 * conjuncts are split up as they arrive: atoms meet ({@link io.vela4j.cue.internal.eval.Meet}),
 * struct literals create arcs and patterns ({@link io.vela4j.cue.internal.eval.Structs}), list
 * literals create elements ({@link io.vela4j.cue.internal.eval.Lists}), embedded expressions are
 * added to the vertex itself, disjunctions wait ({@link io.vela4j.cue.internal.eval.Disjunctions}),
 * and computed expressions run as tasks ({@link io.vela4j.cue.internal.eval.Expressions}, {@link
 * io.vela4j.cue.internal.eval.Ops}, {@link io.vela4j.cue.internal.eval.BuiltinCalls}). Then
 * comprehensions and dynamic fields run until nothing changes ({@link
 * io.vela4j.cue.internal.eval.Comprehensions}), disjunctions are expanded over clones of the
 * vertex, and the value is decided; closedness is checked last ({@link
 * io.vela4j.cue.internal.eval.Closedness}).
 *
 * <h2>Order independence</h2>
 *
 * <p>Evaluation is demand driven: reading a field evaluates it on the spot, so declarations may
 * refer to each other in any order. Everything that is not monotonic waits until its inputs are
 * complete: defaults are taken only where a single value is needed ({@link
 * io.vela4j.cue.internal.eval.Defaults}), a comprehension waits for its guard and source and may
 * not change the fields it read, closedness is checked when the vertex is finished, and
 * disjunctions are expanded after the other conjuncts are in. An embedded reference that reads a
 * field of the vertex whose conjuncts are still being added waits until all of them are in, and an
 * embedded own field brings back what the embedding inserts into it, until nothing is new ({@link
 * io.vela4j.cue.internal.eval.References}). Reading a vertex that is being evaluated is a reference
 * cycle and reads what is known so far; a value that contains itself is a structural cycle ({@link
 * io.vela4j.cue.internal.eval.Cycles}).
 *
 * <h2>Results</h2>
 *
 * <p>{@link io.vela4j.cue.internal.eval.Evaluation#finalizeDeep} evaluates the whole tree. {@link
 * io.vela4j.cue.internal.eval.EvaluatedValue} exposes it through the public {@code CueValue} API,
 * {@link io.vela4j.cue.internal.eval.Exporter} validates and exports it (regular fields only,
 * defaults taken, in the export order of {@link io.vela4j.cue.internal.eval.Order}). Errors are
 * {@link io.vela4j.cue.internal.eval.Atom.Bottom} values, fatal or incomplete; {@link
 * io.vela4j.cue.internal.eval.EvalGuard} turns every failure into a {@code CueException} and
 * decides where the work runs: compiling on a pooled thread with a large stack, evaluating and
 * exporting on the caller's own stack as long as the recursions stay within a small budget (nested
 * evaluations, value nesting, filled-in JSON), and again on a large stack when they do not.
 *
 * <h2>Describing a value: JSON Schema</h2>
 *
 * <p>{@link io.vela4j.cue.internal.eval.JsonSchemas} writes the JSON Schema of a finished value, as
 * CUE's {@code encoding/openapi} does. The finished graph says which fields exist (comprehensions
 * included) and whether a struct is closed, but not what an open list's elements or a struct's
 * patterns must be, nor which term of a disjunction made which clone; those come from the
 * conjuncts, read through references, {@code &}, {@code close()} and embeddings. Terms, element
 * types and pattern values are evaluated alone in temporary vertices of a fresh evaluation that
 * only reads the finished graph, with the definition provenance of the conjunct they came from so
 * that they close as they would in place.
 *
 * <h2>Limits</h2>
 *
 * <p>Every evaluation runs within the {@code CueCompiler.Limits} of the compiler that made its
 * program: {@link io.vela4j.cue.internal.eval.Evaluation} counts steps and vertices and bounds the
 * nesting depth and disjunction cross products (exceeding the step or vertex limit ends the whole
 * evaluation), {@link io.vela4j.cue.internal.eval.EvalLimits} checks the size of every string and
 * number before it is built, and the exporter counts the output. Each error names its setting.
 */
@NullMarked
package io.vela4j.cue.internal.eval;

import org.jspecify.annotations.NullMarked;
