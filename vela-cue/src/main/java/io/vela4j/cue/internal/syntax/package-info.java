/**
 * CUE syntax: a hand-written lexer and recursive-descent parser for the CUE grammar (v0.14 spec),
 * producing the immutable AST in {@link io.vela4j.cue.internal.syntax.Ast}.
 *
 * <p>Entry point: {@link io.vela4j.cue.internal.syntax.Parser#parse(String, String)}.
 */
@NullMarked
package io.vela4j.cue.internal.syntax;

import org.jspecify.annotations.NullMarked;
