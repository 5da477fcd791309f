package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.query.PropertyFilter;
import io.urbis.query.SortKey;
import io.urbis.query.TimeInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * All SQL the GeoPackage source runs. Identifiers come only from the discovered catalog and are always quoted;
 * values are always bind parameters. Feature queries select the id, the geometry, then the columns of a
 * {@link CollectionRead}.
 */
final class GeoPackageSql {

  static final String COUNT_METADATA_TABLES =
      "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view')"
          + " AND name IN ('gpkg_contents', 'gpkg_geometry_columns')";

  static final String FEATURE_TABLES =
      "SELECT c.table_name, c.identifier, c.description, g.column_name, g.geometry_type_name, g.srs_id, g.z, s.organization, s.organization_coordsys_id"
          + " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name"
          + " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
          + " WHERE c.data_type = 'features' ORDER BY c.rowid";

  static final String TABLE_COLUMNS =
      "SELECT name, type, pk, \"notnull\", dflt_value FROM pragma_table_info(?) ORDER BY cid";

  /** How many commits other connections have made since this one opened (a count of its own). */
  static final String DATA_VERSION = "PRAGMA data_version";

  static final String TABLE_EXISTS = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?";

  private GeoPackageSql() {}

  /** The name the GeoPackage RTree extension gives the index of a geometry column. */
  static String rtreeName(String table, String geometryColumn) {
    return "rtree_" + table + "_" + geometryColumn;
  }

  /** The envelope of all entries of an R-tree as min x, min y, max x, max y. */
  static String rtreeEnvelope(String rtreeTable) {
    return "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM " + quote(rtreeTable);
  }

  static String geometries(String table, String geometryColumn) {
    return "SELECT " + quote(geometryColumn) + " FROM " + quote(table);
  }

  /** The earliest and latest normalised value of a DATE or DATETIME column. */
  static String temporalExtent(String table, String column, JsonType type) {
    String value = TemporalColumn.normalized(quote(column), type);
    return "SELECT min(" + value + "), max(" + value + ") FROM " + quote(table);
  }

  static SqlStatement features(CollectionRead read, SqlFilter filter, PageWindow page, List<SortKey> sortby) {
    Collection collection = read.collection();
    List<Object> binds = new ArrayList<>();
    List<String> conditions = filterConditions(collection, filter, binds);
    if (page.key() != null) {
      conditions.add(quote(collection.idColumn()) + (page.isDescending() ? " < ?" : " > ?"));
      binds.add(page.key());
    }
    binds.add(page.sqlLimit());
    binds.add(page.sqlOffset());
    String sql = selectFeatures(read) + where(conditions)
        + " ORDER BY " + sortColumns(sortby) + quote(collection.idColumn()) + (page.isDescending() ? " DESC" : "")
        + " LIMIT ? OFFSET ?";
    return new SqlStatement(sql, binds);
  }

  /** The sortby keys, each followed by a comma, before the id that breaks ties; nulls last as in PostGIS. */
  private static String sortColumns(List<SortKey> sortby) {
    StringBuilder order = new StringBuilder();
    for (SortKey key : sortby) {
      order.append(quote(key.property())).append(key.descending() ? " DESC NULLS LAST, " : " ASC NULLS LAST, ");
    }
    return order.toString();
  }

  /** Every feature matching the SQL part of a filter, for counting matches of a Java-side test. */
  static SqlStatement allFeatures(CollectionRead read, SqlFilter filter) {
    List<Object> binds = new ArrayList<>();
    String where = where(filterConditions(read.collection(), filter, binds));
    return new SqlStatement(selectFeatures(read) + where, binds);
  }

  /**
   * Every row of the read, and after its columns the normalised text of the {@code temporal} property (NULL when it
   * is null), whose first and last values are a table's temporal extent.
   */
  static SqlStatement allFeaturesWithTime(CollectionRead read, Property temporal) {
    String time = temporal == null ? "NULL" : TemporalColumn.normalized(quote(temporal.name()), temporal.type());
    return new SqlStatement(selectFeatures(read, ", " + time), List.of());
  }

  /** The features with the given ids, bound as one JSON array of integers, which SQLite reads as a table. */
  static SqlStatement featuresWithIds(CollectionRead read, String idsJson) {
    String sql = selectFeatures(read) + " WHERE " + quote(read.collection().idColumn())
        + " IN (SELECT value FROM json_each(?))";
    return new SqlStatement(sql, List.of(idsJson));
  }

  static SqlStatement feature(CollectionRead read, long id) {
    String sql = selectFeatures(read) + " WHERE " + quote(read.collection().idColumn()) + " = ?";
    return new SqlStatement(sql, List.of(id));
  }

  static SqlStatement count(Collection collection, SqlFilter filter) {
    List<Object> binds = new ArrayList<>();
    String where = where(filterConditions(collection, filter, binds));
    return new SqlStatement("SELECT COUNT(*) FROM " + quote(collection.table()) + where, binds);
  }

  /** The rows the SQL part of a filter selects, and how many values (not null) of {@code properties} they hold. */
  static SqlStatement floorCounts(Collection collection, SqlFilter filter, List<String> properties) {
    List<Object> binds = new ArrayList<>();
    String where = where(filterConditions(collection, filter, binds));
    String values = properties.stream().map(p -> " + COUNT(" + quote(p) + ")").collect(Collectors.joining());
    return new SqlStatement("SELECT COUNT(*), 0" + values + " FROM " + quote(collection.table()) + where, binds);
  }

  /** Whether the SQL part of a filter has no condition, so that it selects every row. */
  static boolean selectsEveryRow(Collection collection, SqlFilter filter) {
    return filterConditions(collection, filter, new ArrayList<>()).isEmpty();
  }

  /** Counts the rows the SQL part of a filter selects, but stops at {@code cap}: whether they are few, at bounded cost. */
  static SqlStatement countUpTo(Collection collection, SqlFilter filter, long cap) {
    List<Object> binds = new ArrayList<>();
    String where = where(filterConditions(collection, filter, binds));
    binds.add(cap);
    return new SqlStatement("SELECT COUNT(*) FROM (SELECT 1 FROM " + quote(collection.table()) + where + " LIMIT ?)",
        binds);
  }

  private static String selectFeatures(CollectionRead read) {
    return selectFeatures(read, "");
  }

  /** The select of a read's columns, then {@code more} of them. */
  private static String selectFeatures(CollectionRead read, String more) {
    Collection collection = read.collection();
    String columns = read.columns().stream()
        .map(Property::name)
        .map(SqlIdentifiers::quote)
        .map(column -> ", " + column)
        .collect(Collectors.joining());
    return "SELECT " + quote(collection.idColumn()) + ", " + quote(collection.geometryColumn()) + columns + more
        + " FROM " + quote(collection.table());
  }

  private static List<String> filterConditions(Collection collection, SqlFilter filter, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    if (filter.usesRtree()) {
      conditions.add(rtreeCondition(collection, filter, binds));
    }
    if (filter.datetime() != null && collection.temporalProperty() != null) {
      temporalConditions(collection, filter.datetime(), conditions, binds);
    }
    for (PropertyFilter property : filter.properties()) {
      conditions.add(propertyCondition(collection, property, binds));
    }
    return conditions;
  }

  /** SQLite keeps booleans as 0/1 and times as ISO text: values are compared in those forms. */
  private static String propertyCondition(Collection collection, PropertyFilter filter, List<Object> binds) {
    JsonType type = collection.property(filter.property()).orElseThrow().type();
    String column = quote(filter.property());
    Object value = filter.value();
    if (value instanceof Boolean flag) {
      binds.add(flag ? 1 : 0);
      return column + " = ?";
    }
    if (type.isTemporal()) {
      Instant instant = value instanceof LocalDate date ? date.atStartOfDay(ZoneOffset.UTC).toInstant()
          : ((OffsetDateTime) value).toInstant();
      binds.add(TemporalColumn.format(instant, type));
      return TemporalColumn.normalized(column, type) + " = ?";
    }
    binds.add(value);
    return column + " = ?";
  }

  private static String rtreeCondition(Collection collection, SqlFilter filter, List<Object> binds) {
    List<String> windows = new ArrayList<>();
    for (Envelope window : filter.windows()) {
      windows.add("(maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)");
      binds.addAll(List.of(window.getMinX(), window.getMaxX(), window.getMinY(), window.getMaxY()));
    }
    String anyWindow = windows.isEmpty() ? "0" : String.join(" OR ", windows);
    // features without geometry have no R-tree entry, and a bbox does not exclude them
    return "(" + quote(collection.idColumn()) + " IN (SELECT id FROM " + quote(filter.rtreeTable())
        + " WHERE " + anyWindow + ") OR " + quote(collection.geometryColumn()) + " IS NULL)";
  }

  private static void temporalConditions(
      Collection collection, TimeInterval interval, List<String> conditions, List<Object> binds) {
    JsonType type = collection.property(collection.temporalProperty()).orElseThrow().type();
    String value = TemporalColumn.normalized(quote(collection.temporalProperty()), type);
    if (interval.isInstant()) {
      conditions.add(value + " = ?");
      binds.add(TemporalColumn.format(interval.start(), type));
      return;
    }
    if (interval.start() != null) {
      conditions.add(value + " >= ?");
      binds.add(TemporalColumn.format(interval.start(), type));
    }
    if (interval.end() != null) {
      conditions.add(value + " <= ?");
      binds.add(TemporalColumn.format(interval.end(), type));
    }
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }
}
