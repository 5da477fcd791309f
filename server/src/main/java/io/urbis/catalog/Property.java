package io.urbis.catalog;

/**
 * One published attribute of a collection.
 *
 * @param name the property name clients see (equal to the column name)
 * @param type the JSON type of its values
 */
public record Property(String name, JsonType type) {}
