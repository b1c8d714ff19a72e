/**
 * The Vela4J Maven plugin (prefix {@code vela}): {@code vela:validate} checks the Applications and
 * definitions under {@code src/main/vela} and fails the build with {@code file:line:column: path:
 * message} lines, {@code vela:render} writes each Application's manifests to {@code
 * target/vela/<app>.yaml} as {@code vela4j dry-run} prints them, and {@code vela:plan} writes a
 * dispatch plan (OCM, Karmada or direct) to {@code target/vela/dispatch/} as {@code vela4j dispatch
 * plan -o} does.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.vela4j</groupId>
 *   <artifactId>vela-maven-plugin</artifactId>
 *   <version>0.1.0-SNAPSHOT</version>
 *   <executions>
 *     <execution>
 *       <goals><goal>validate</goal><goal>render</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>The goals are thin: the Mojo classes only read their parameters, log and write files.
 */
@NullMarked
package io.vela4j.maven;

import org.jspecify.annotations.NullMarked;
