package io.urbis.cql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The CQL2 abstract test suite's Natural Earth GeoPackage (shared test data), read into memory with its published
 * queryables, and copied into PostGIS with columns of the queryables' types.
 */
final class AtsDataset {

  static final List<String> LAYERS = List.of("ne_110m_admin_0_countries", "ne_110m_populated_places_simple",
      "ne_110m_rivers_lake_centerlines");

  record Feature(Map<String, Object> properties, Geometry geometry) {}

  final Map<String, Queryables> queryables = new HashMap<>();
  final Map<String, List<Feature>> features = new HashMap<>();

  AtsDataset(Path folder) throws IOException, SQLException, ParseException {
    try (Connection gpkg = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("ne110m4cql2.gpkg"))) {
      for (String layer : LAYERS) {
        queryables.put(layer, readQueryables(folder.resolve(layer + ".json")));
        features.put(layer, readFeatures(gpkg, layer));
      }
    }
  }

  void copyInto(Connection postgis) throws SQLException {
    for (String layer : LAYERS) {
      Map<String, QueryableType> types = new LinkedHashMap<>(queryables.get(layer).types());
      List<String> columns = new ArrayList<>(types.keySet());
      try (Statement statement = postgis.createStatement()) {
        statement.execute("CREATE TABLE " + layer + " (" + String.join(", ",
            columns.stream().map(column -> "\"" + column + "\" " + sqlType(types.get(column))).toList()) + ")");
      }
      String placeholders = String.join(", ", columns.stream()
          .map(column -> types.get(column) == QueryableType.GEOMETRY ? "ST_GeomFromWKB(?, 4326)" : "?").toList());
      try (PreparedStatement insert = postgis.prepareStatement("INSERT INTO " + layer + " VALUES (" + placeholders
          + ")")) {
        for (Feature feature : features.get(layer)) {
          for (int i = 0; i < columns.size(); i++) {
            insert.setObject(i + 1, columnValue(types.get(columns.get(i)), feature, columns.get(i)));
          }
          insert.executeUpdate();
        }
      }
    }
  }

  private static Object columnValue(QueryableType type, Feature feature, String column) {
    Object value = feature.properties().get(column);
    return switch (type) {
      case GEOMETRY -> new org.locationtech.jts.io.WKBWriter().write(feature.geometry());
      case DATE -> value == null ? null : LocalDate.parse((String) value);
      case TIMESTAMP -> value == null ? null : LocalDateTime.parse((String) value).atOffset(ZoneOffset.UTC);
      case BOOLEAN -> value == null ? null : ((Number) value).intValue() != 0;
      default -> value;
    };
  }

  private static String sqlType(QueryableType type) {
    return switch (type) {
      case STRING -> "text";
      case INTEGER -> "bigint";
      case NUMBER -> "double precision";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamptz";
      case GEOMETRY -> "geometry(Geometry, 4326)";
      case ARRAY -> "text[]";
    };
  }

  /** JSON Schema types to queryable types: format date and date-time, and GeoJSON $refs for the geometry. */
  private static Queryables readQueryables(Path file) throws IOException {
    Map<String, QueryableType> types = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> properties = new ObjectMapper().readTree(file.toFile()).path("properties")
        .fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      JsonNode schema = property.getValue();
      String type = schema.has("$ref") ? "geometry" : schema.path("format").asText(schema.path("type").asText());
      types.put(property.getKey(), switch (type) {
        case "geometry" -> QueryableType.GEOMETRY;
        case "date" -> QueryableType.DATE;
        case "date-time" -> QueryableType.TIMESTAMP;
        case "integer" -> QueryableType.INTEGER;
        case "number" -> QueryableType.NUMBER;
        case "boolean" -> QueryableType.BOOLEAN;
        default -> QueryableType.STRING;
      });
    }
    return new Queryables(types);
  }

  /** Values as SQLite returns them: dates and timestamps as text, booleans as 0/1, as a GeoPackage source sees. */
  private static List<Feature> readFeatures(Connection gpkg, String layer) throws SQLException, ParseException {
    List<Feature> features = new ArrayList<>();
    try (Statement statement = gpkg.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT * FROM " + layer)) {
      ResultSetMetaData columns = rows.getMetaData();
      while (rows.next()) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          properties.put(columns.getColumnName(i), rows.getObject(i));
        }
        features.add(new Feature(properties, geometry((byte[]) properties.remove("geom"))));
      }
    }
    return features;
  }

  /** GeoPackage binary: "GP", version, flags, SRS id, an envelope whose size the flags give, then WKB. */
  private static Geometry geometry(byte[] blob) throws ParseException {
    int envelopeCode = (blob[3] >> 1) & 0x07;
    int envelopeBytes = new int[] {0, 32, 48, 48, 64}[envelopeCode];
    return new WKBReader().read(Arrays.copyOfRange(blob, 8 + envelopeBytes, blob.length));
  }
}
