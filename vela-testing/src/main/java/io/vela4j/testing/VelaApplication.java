package io.vela4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a test method parameter of type {@link io.vela4j.render.RenderResult}: the application (a
 * classpath resource, else a file-system path) that {@link VelaExtension} renders for the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface VelaApplication {
  /**
   * The application's resource, such as {@code "apps/shop.yaml"}.
   *
   * @return the resource or path
   */
  String value();
}
