package io.urbis.source.geopackage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.urbis.catalog.Property;
import io.urbis.query.Returnables;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as its table stores it, every column included (those hidden from the caller too): what the editor
 * tests against a row filter and what the audit trail records.
 *
 * @param id the feature id
 * @param geometry the GeoPackageBinary geometry, or null
 * @param values the other columns' values by name, as SQLite gives them (dates as text, booleans as 0 or 1)
 * @param json the row as a JSON object, each column by name, the geometry as GeoJSON in the storage CRS: as the
 *     PostGIS audit trail records rows ({@code to_jsonb})
 */
record StoredRow(long id, byte[] geometry, Map<String, Object> values, String json) {

  /** Coordinates of the audit trail: a tenth of a millimetre in degrees, finer in metres. */
  private static final int AUDIT_DECIMALS = 9;
  private static final JsonFactory JSON = new JsonFactory();
  private static final GeoJsonGeometryWriter GEOMETRY_WRITER = new GeoJsonGeometryWriter(AUDIT_DECIMALS);

  StoredRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The row of {@code table} with the id {@code id}, if there is one. */
  static Optional<StoredRow> read(Connection connection, WritableTable table, long id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(EditorSql.storedRow(table))) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(of(row, table)) : Optional.empty();
      }
    }
  }

  /** The geometry, decoded (its SRID the srs id of its header), or null for none. */
  Geometry decodedGeometry() {
    return geometry == null ? null : new GeoPackageGeometryReader().read(geometry);
  }

  private static StoredRow of(ResultSet row, WritableTable table) throws SQLException {
    long id = row.getLong(1);
    byte[] geometry = row.getBytes(2);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < table.columns().size(); i++) {
      values.put(table.columns().get(i).name(), row.getObject(3 + i));
    }
    List<Property> properties = table.columns().stream()
        .map(column -> new Property(column.name(), DeclaredTypes.jsonType(column.declaredType())))
        .toList();
    String geometryJson = geometry == null ? null
        : GEOMETRY_WRITER.write(new GeoPackageGeometryReader().read(geometry));
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeNumberField(table.idColumn(), id);
      json.writeFieldName(table.geometryColumn());
      if (geometryJson == null) {
        json.writeNull();
      } else {
        json.writeRawValue(geometryJson);
      }
      new PropertiesJsonWriter(properties, 3, Returnables.ALL).writeFields(json, row);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoredRow(id, geometry, values, text.toString());
  }
}
