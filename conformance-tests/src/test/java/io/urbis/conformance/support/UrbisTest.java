package io.urbis.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box test class of a running Urbis. The class runs once per {@link Source} ({@code [postgis]},
 * {@code [geopackage]}); its constructor may ask for that source's {@link Api} and for {@link Truth}, any method for
 * the {@link Urbis} environment. One database and one server per source serve every such class of the test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(UrbisExtension.class)
public @interface UrbisTest {}
