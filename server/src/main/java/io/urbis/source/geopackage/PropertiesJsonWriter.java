package io.urbis.source.geopackage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.urbis.catalog.Property;
import io.urbis.query.Returnables;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * Writes a row's attribute columns as a GeoJSON properties object. SQLite types values, not columns, so each value
 * is written by what it is, guided by the declared type: an integer in a BOOLEAN column becomes true or false, and
 * text in a numeric column stays text rather than failing. Dates stay ISO text, binary becomes Base64.
 */
final class PropertiesJsonWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final List<Property> properties;
  private final int firstColumn;
  private final Returnables returnables;

  /**
   * Writes those of {@code properties} that {@code returnables} asks for, read from consecutive result columns
   * starting at {@code firstColumn}.
   */
  PropertiesJsonWriter(List<Property> properties, int firstColumn, Returnables returnables) {
    this.properties = properties;
    this.firstColumn = firstColumn;
    this.returnables = returnables;
  }

  String write(ResultSet row) throws SQLException, IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      writeFields(json, row);
      json.writeEndObject();
    }
    return text.toString();
  }

  /** Writes the properties as fields of the object {@code json} is writing. */
  void writeFields(JsonGenerator json, ResultSet row) throws SQLException, IOException {
    for (int i = 0; i < properties.size(); i++) {
      Property property = properties.get(i);
      if (returnables.includes(property.name())) {
        json.writeFieldName(property.name());
        writeValue(json, property, row.getObject(firstColumn + i));
      }
    }
  }

  private static void writeValue(JsonGenerator json, Property property, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Number number) {
      writeNumber(json, property, number);
    } else if (value instanceof byte[] bytes) {
      json.writeString(Base64.getEncoder().encodeToString(bytes));
    } else {
      json.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator json, Property property, Number number) throws IOException {
    switch (property.type()) {
      case BOOLEAN -> json.writeBoolean(number.doubleValue() != 0);
      case STRING, DATE, DATE_TIME -> json.writeString(number.toString());
      default -> {
        if (number instanceof Double || number instanceof Float) {
          writeFloating(json, number.doubleValue());
        } else {
          json.writeNumber(number.longValue());
        }
      }
    }
  }

  /** JSON has no NaN or infinity; those become null. */
  private static void writeFloating(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(value);
    } else {
      json.writeNull();
    }
  }
}
