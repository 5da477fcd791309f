package io.urbis.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) whose responses depend on no access rule: what it serves is the same for every
 * caller, with or without credentials, so {@link AudienceHeaders} leaves shared caches free to keep one copy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SameForEveryCaller {}
