package io.urbis.conformance.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a black-box test class of a running Urbis. Its constructor may ask for {@link Api} and
 * {@link Truth}: one database and one server serve every such class of the test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(UrbisExtension.class)
public @interface UrbisTest {}
