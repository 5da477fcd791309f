package io.urbis.conformance.access;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.Urbis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access rules of the role matrix over the fixture, and what they mean in the fixture's terms (for
 * {@link Truth}). One collection is hidden from all but planners, one property of the ruled collection is hidden from
 * the public, and the public sees only the rows of a row filter. Each hidden name has an unknown twin of the same
 * length, which the server must answer the same way when the caller may not see the hidden one.
 */
final class AccessRules {

  /** Hidden from {@link Role#PUBLIC} and {@link Role#ENERGY_MANAGER}. */
  static final String HIDDEN_COLLECTION = Layer.DISTRICTS.id();
  static final String UNKNOWN_COLLECTION = "distracts";
  /** The collection with a hidden property and a row filter. */
  static final Layer RULED = Layer.BUILDINGS;
  /** A property of {@link #RULED} hidden from {@link Role#PUBLIC}. */
  static final String HIDDEN_PROPERTY = "last_survey";
  static final String UNKNOWN_PROPERTY = "lost_survey";
  /**
   * Where the rows the public sees lie (CRS84): the northern part of the ruled collection, so that the extent of what
   * the public sees is not the whole collection's.
   */
  private static final String VISIBLE_AREA = "6.9, 50.945, 7.0, 51.0";
  /** The rows of {@link #RULED} the public sees, in CQL2 and in SQL. */
  private static final String ROW_FILTER = "residential = true AND S_INTERSECTS(geom, BBOX(" + VISIBLE_AREA + "))";
  private static final String ROW_CONDITION = "residential AND ST_Intersects(ST_Transform(geom, 4326),"
      + " ST_MakeEnvelope(" + VISIBLE_AREA + ", 4326))";
  /**
   * A row outside the row filter (not residential, in the visible area); no other id starts with its digits, so that
   * its id and name are unique strings.
   */
  static final String HIDDEN_ROW = "1200";
  static final String UNKNOWN_ROW = "9999";
  /** A row inside the row filter (residential, in the visible area). */
  static final String VISIBLE_ROW = "1199";
  /** The height column that raises the ruled collection's footprints to 3D tiles. */
  static final String HEIGHT = "height";

  private AccessRules() {}

  /**
   * Writes {@code target/<name>.yaml}: the rules, 3D tiles of the ruled collection, and the {@code security} section
   * that names the callers.
   */
  static Path writeConfig(String name, String security) {
    Path config = Urbis.target(name + ".yaml");
    String yaml = security + """
        tiles3d:
          extrude:
            %1$s: { height: %2$s }
        access:
          default:
            "*": read
            planner: write
          collections:
            %3$s:
              planner: write
            %1$s:
              public: { access: read, hiddenProperties: [%4$s], rowFilter: "%5$s" }
              energy-manager: read
              planner: write
        """.formatted(RULED.id(), HEIGHT, HIDDEN_COLLECTION, HIDDEN_PROPERTY, ROW_FILTER);
    try {
      return Files.writeString(config, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of the ruled collection the role sees. */
  static Selection visibleRows(Role role) {
    return new Selection(RULED, "", role.filtersRows ? ROW_CONDITION : "true", List.of());
  }

  /** The rows of the ruled collection the role does not see. */
  static Selection hiddenRows(Role role) {
    return role.filtersRows ? outsideTheFilter() : new Selection(RULED, "", "false", List.of());
  }

  /** The rows outside the row filter, selected by a filter that says so. */
  static Selection outsideTheFilter() {
    return new Selection(RULED, "filter=" + Api.encode("NOT (" + ROW_FILTER + ")"), "NOT (" + ROW_CONDITION + ")",
        List.of());
  }

  /** The collections the role sees. */
  static Set<String> visibleCollections(Truth truth, Role role) {
    Set<String> ids = new TreeSet<>(truth.collectionIds());
    if (role.hidesCollection) {
      ids.remove(HIDDEN_COLLECTION);
    }
    return ids;
  }

  /** The properties of the ruled collection the role sees, in column order (neither key nor geometry). */
  static List<String> visibleProperties(Truth truth, Role role) {
    return truth.column("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        + " AND table_name = ? AND column_name NOT IN ('id', 'geom') ORDER BY ordinal_position", RULED.id())
        .stream().filter(name -> !(role.hidesProperty && name.equals(HIDDEN_PROPERTY))).toList();
  }
}
