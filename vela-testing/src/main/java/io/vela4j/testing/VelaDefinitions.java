package io.vela4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The definitions {@link VelaExtension} renders with, added to the built-in catalogue: classpath
 * resources (directories or files; definition YAML or KubeVela {@code .cue} files), or file-system
 * paths when no such resource exists.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VelaDefinitions {
  /**
   * Where the definitions are, such as {@code "defs/"}.
   *
   * @return the resources or paths
   */
  String[] value();

  /**
   * The Cluster objects topology policies may select (a resource or path), or {@code ""} for none.
   *
   * @return the clusters resource
   */
  String clusters() default "";
}
