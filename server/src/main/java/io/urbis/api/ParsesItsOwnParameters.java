package io.urbis.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose query parameters depend on the data (property filters, CRS lists), so it checks
 * them itself instead of {@link UnknownParameterFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ParsesItsOwnParameters {}
