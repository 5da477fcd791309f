package io.urbis.cql2;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PropertyResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Ten features with every queryable type, nulls, accents, LIKE wildcards in values, and geometries on both sides of
 * the antimeridian; loaded into PostGIS and held in memory, so both backends can be asked the same questions.
 */
final class AgreementDataset {

  static final Queryables QUERYABLES = new Queryables(Map.of("name", QueryableType.STRING, "pop",
      QueryableType.INTEGER, "area", QueryableType.NUMBER, "open", QueryableType.BOOLEAN, "day", QueryableType.DATE,
      "start", QueryableType.TIMESTAMP, "end", QueryableType.TIMESTAMP, "tags", QueryableType.ARRAY, "nums",
      QueryableType.ARRAY, "geom", QueryableType.GEOMETRY));

  static final PropertyResolver RESOLVER = new QuotedColumns(QUERYABLES, Map.of("nums", "bigint[]"));

  private static final String[] COLUMNS = {"name", "pop", "area", "open", "day", "start", "end", "tags", "nums"};

  record Feature(int id, Map<String, Object> properties, Geometry geometry) {}

  final List<Feature> features = List.of(
      feature(1, "København", 1038288L, 86.2, true, "2021-04-16", "2021-04-16T10:15:59Z", "2022-04-16T10:16:06Z",
          List.of("a", "b"), List.of(1L, 2L), "POINT (12.56 55.68)"),
      feature(2, "Berlin", 3013258L, 891.8, true, "2023-04-16", "2022-04-16T10:13:19Z", "2024-02-22T09:37:52Z",
          List.of("b", "c"), List.of(2L, 3L), "POINT (13.4 52.52)"),
      feature(3, "Athens", 112572L, 38.96, false, "2022-04-16", "2022-04-16T10:15:10Z", "2022-12-16T10:14:53Z",
          List.of("c"), List.of(3L), "POINT (23.73 37.98)"),
      feature(4, "Chișinău", 688134L, 120.0, null, null, null, null, List.of(), List.of(), "POINT (28.85 47)"),
      feature(5, "ÉCOLE 100% _x_", 0L, 0.0, false, "2020-01-01", "2020-01-01T00:00:00Z", null, null, null,
          "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
      feature(6, null, null, null, null, null, null, null, null, null, null),
      feature(7, "it's", -5L, -2.5, true, "1999-12-31", "1999-12-31T23:59:59.500Z", "2000-01-01T00:00:00Z",
          List.of("it's"), List.of(-5L), "LINESTRING (-10 -10, 10 10)"),
      feature(8, "Zürich", 421878L, 87.88, true, "2022-04-16", "2022-04-16T00:00:00Z", "2022-04-16T00:00:00Z",
          List.of("a"), List.of(1L), "POINT (8.54 47.37)"),
      feature(9, "kobenhavn", 10L, 1e10, false, "2022-04-17", "2022-04-16T10:16:06Z", "2022-05-01T00:00:00Z",
          List.of("x", "y"), List.of(10L), "POLYGON ((170 -10, 180 -10, 180 10, 170 10, 170 -10))"),
      feature(10, "ΟΔΟΣ", 7L, 3.5, null, "2022-04-15", "2022-04-16T10:14:00Z", "2022-04-16T10:15:00Z",
          List.of("b"), List.of(7L, 1L), "LINESTRING (0 5, 20 5)"));

  void load(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE features (id integer PRIMARY KEY, name text, pop bigint, area double precision,"
          + " open boolean, day date, start timestamptz, \"end\" timestamptz, tags text[], nums bigint[],"
          + " geom geometry(Geometry, 4326))");
    }
    String insert = "INSERT INTO features VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))";
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      for (Feature feature : features) {
        statement.setInt(1, feature.id());
        for (int i = 0; i < COLUMNS.length; i++) {
          statement.setObject(i + 2, columnValue(connection, COLUMNS[i], feature.properties().get(COLUMNS[i])));
        }
        statement.setString(11, feature.geometry() == null ? null : feature.geometry().toText());
        statement.executeUpdate();
      }
    }
  }

  TreeSet<Integer> selectedByPostgis(Connection connection, CompiledSql where) throws SQLException {
    TreeSet<Integer> ids = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT id FROM features t WHERE " + where.sql())) {
      for (int i = 0; i < where.binds().size(); i++) {
        statement.setObject(i + 1, where.binds().get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getInt(1));
        }
      }
    }
    return ids;
  }

  private static Object columnValue(Connection connection, String column, Object value) throws SQLException {
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof List<?> list) {
      return connection.createArrayOf(column.equals("nums") ? "bigint" : "text", list.toArray());
    }
    return value;
  }

  private static Feature feature(int id, String name, Long pop, Double area, Boolean open, String day, String start,
      String end, List<String> tags, List<Long> nums, String wkt) {
    Map<String, Object> properties = new HashMap<>();
    List<Object> values = Arrays.asList(name, pop, area, open, day == null ? null : LocalDate.parse(day),
        start == null ? null : Instant.parse(start), end == null ? null : Instant.parse(end), tags, nums);
    for (int i = 0; i < COLUMNS.length; i++) {
      properties.put(COLUMNS[i], values.get(i));
    }
    return new Feature(id, properties, wkt == null ? null : geometry(wkt));
  }

  private static Geometry geometry(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
