package io.urbis.source;

import java.util.Set;

/**
 * What a collection's store requires of written features beyond the JSON types of their properties, so that a request
 * is checked in full, and all its problems named at once, before anything is written.
 *
 * @param notNull the properties that must have a value (NOT NULL)
 * @param defaulted the properties the store fills in when a created feature has no value for them
 * @param geometryRequired whether every feature must have a geometry
 * @param idAssigned whether the store assigns the ids of created features (a created feature may still ask for one)
 */
public record WriteRules(Set<String> notNull, Set<String> defaulted, boolean geometryRequired, boolean idAssigned) {

  public WriteRules {
    notNull = Set.copyOf(notNull);
    defaulted = Set.copyOf(defaulted);
  }

  /** Whether a created feature must give {@code property} a value. */
  public boolean requiredOnCreate(String property) {
    return notNull.contains(property) && !defaulted.contains(property);
  }
}
