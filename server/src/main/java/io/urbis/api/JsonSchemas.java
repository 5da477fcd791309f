package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema documents of a collection: its queryables (OGC 19-079r2, Part 3) and its feature schema with
 * OGC roles (OGC 23-058, Part 5). Both are built from the catalog, so they list exactly what the server accepts.
 */
final class JsonSchemas {

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private JsonSchemas() {}

  /** Every property a filter may name, the geometry under its column name, closed to others. */
  static Map<String, Object> queryables(Collection collection, String selfUrl) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(collection.geometryColumn(), geometry(collection.geometryType()));
    for (Property property : collection.properties()) {
      properties.put(property.name(), property(property));
    }
    return closed(header(collection, selfUrl, "Queryables of " + collection.title()), properties);
  }

  /** The properties {@code sortby} accepts: those with scalar values. */
  static Map<String, Object> sortables(Collection collection, String selfUrl) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Property property : collection.properties()) {
      if (property.type() != JsonType.OBJECT && property.type() != JsonType.ARRAY) {
        properties.put(property.name(), property(property));
      }
    }
    return closed(header(collection, selfUrl, "Sortables of " + collection.title()), properties);
  }

  /** The feature schema (returnables and receivables are the same): id, geometry and time carry their roles. */
  static Map<String, Object> featureSchema(Collection collection, String selfUrl) {
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("title", collection.idColumn());
    id.put("type", collection.idType().schemaType());
    id.put("x-ogc-role", "id");
    properties.put(collection.idColumn(), id);
    Map<String, Object> geometry = new LinkedHashMap<>(geometry(collection.geometryType()));
    geometry.put("x-ogc-role", "primary-geometry");
    properties.put(collection.geometryColumn(), geometry);
    for (Property property : collection.properties()) {
      Map<String, Object> entry = new LinkedHashMap<>(property(property));
      if (property.name().equals(collection.temporalProperty())) {
        entry.put("x-ogc-role", "primary-instant");
      }
      properties.put(property.name(), entry);
    }
    Map<String, Object> schema = header(collection, selfUrl, "Features of " + collection.title());
    schema.put("properties", properties);
    return schema;
  }

  /** The schema with exactly these properties: a name the server does not know is not one it accepts. */
  private static Map<String, Object> closed(Map<String, Object> schema, Map<String, Object> properties) {
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> header(Collection collection, String selfUrl, String title) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", DIALECT);
    schema.put("$id", selfUrl);
    schema.put("type", "object");
    schema.put("title", title);
    return schema;
  }

  private static Map<String, Object> property(Property property) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("title", property.name());
    entry.put("type", property.type().schemaType());
    if (property.type().schemaFormat() != null) {
      entry.put("format", property.type().schemaFormat());
    }
    return entry;
  }

  /** Geometry as OGC API - Features Part 5 names it, by format. */
  private static Map<String, Object> geometry(GeometryType type) {
    String format = switch (type) {
      case POINT -> "geometry-point";
      case LINESTRING -> "geometry-linestring";
      case POLYGON, TRIANGLE -> "geometry-polygon";
      case MULTIPOINT -> "geometry-multipoint";
      case MULTILINESTRING -> "geometry-multilinestring";
      case MULTIPOLYGON, POLYHEDRALSURFACE, TIN -> "geometry-multipolygon";
      case GEOMETRYCOLLECTION -> "geometry-geometrycollection";
      case GEOMETRY -> "geometry-any";
    };
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("title", "geometry");
    entry.put("format", format);
    return entry;
  }
}
