package io.urbis.access;

import io.urbis.catalog.RowFilter;
import java.util.Set;

/**
 * One role's checked rule for one collection.
 *
 * @param permission what the role may do
 * @param hidden the properties the role does not see
 * @param rowFilter the rows the role sees, or null for all
 */
record RoleRule(Permission permission, Set<String> hidden, RowFilter rowFilter) {

  static final RoleRule READ_ALL = new RoleRule(Permission.READ, Set.of(), null);

  RoleRule {
    hidden = Set.copyOf(hidden);
  }
}
