package io.urbis.query;

/**
 * One query parameter of the items resource: its name and how its text becomes a typed value. Parsing throws
 * {@link io.urbis.error.InvalidParameterException} naming the parameter, before any SQL exists.
 */
public interface QueryParameter<T> {

  String name();

  T parse(String text);
}
