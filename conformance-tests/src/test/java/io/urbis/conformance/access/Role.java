package io.urbis.conformance.access;

import io.urbis.conformance.support.Keycloak;

/**
 * The three callers of the role matrix and what {@link AccessRules} lets each of them see.
 *
 * <ul>
 *   <li>{@link #PUBLIC}: anonymous; neither the hidden collection nor the hidden property, and of the ruled
 *       collection only the rows of the row filter.</li>
 *   <li>{@link #ENERGY_MANAGER}: a restricted member of staff; every row and property of the ruled collection, but not
 *       the hidden collection.</li>
 *   <li>{@link #PLANNER}: sees everything and writes.</li>
 * </ul>
 */
enum Role {
  PUBLIC(null, true, true, true),
  ENERGY_MANAGER(Keycloak.User.ENERGY_MANAGER, true, false, false),
  PLANNER(Keycloak.User.PLANNER, false, false, false);

  /** The user of the test realm who has this role; null for the anonymous caller. */
  final Keycloak.User user;
  final boolean hidesCollection;
  final boolean hidesProperty;
  final boolean filtersRows;

  Role(Keycloak.User user, boolean hidesCollection, boolean hidesProperty, boolean filtersRows) {
    this.user = user;
    this.hidesCollection = hidesCollection;
    this.hidesProperty = hidesProperty;
    this.filtersRows = filtersRows;
  }

  /** The role's name in the access rules and in tokens: the realm role of its user, {@code public} for none. */
  String roleName() {
    return user == null ? "public" : user.role;
  }

  /** Whether the role sees everything there is. */
  boolean seesEverything() {
    return !hidesCollection && !hidesProperty && !filtersRows;
  }
}
