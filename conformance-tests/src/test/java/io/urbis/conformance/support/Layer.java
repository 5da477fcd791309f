package io.urbis.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The feature collections of {@code fixture.sql}. Tables are keyed by their primary key {@code id}, which is the
 * feature id; the view has no key, so its features are recognised by their unique {@code name} property.
 */
public enum Layer {
  BUILDINGS("buildings", "id"),
  BIG_BUILDINGS("v_big_buildings", "name"),
  STREETS("streets", "id"),
  POI("poi", "id"),
  POI3D("poi3d", "id"),
  DISTRICTS("districts", "id"),
  MIXED("mixed", "id"),
  ISLANDS("islands", "id"),
  SENSORS("sensors", "id");

  /** The column {@code datetime} selects on in {@code buildings}: its first (and only) date column. */
  public static final String BUILDINGS_TEMPORAL_COLUMN = "construction_date";

  private final String id;
  private final String keyColumn;

  Layer(String id, String keyColumn) {
    this.id = id;
    this.keyColumn = keyColumn;
  }

  /** The collection id, which is the table name. */
  public String id() {
    return id;
  }

  String keyColumn() {
    return keyColumn;
  }

  /** {@code /collections/{id}/items} */
  public String items() {
    return "/collections/" + id + "/items";
  }

  /** The key of a GeoJSON feature, comparable with the keys {@link Truth} reads from the table. */
  public String keyOf(JsonNode feature) {
    JsonNode key = "id".equals(keyColumn) ? feature.path("id") : feature.path("properties").path(keyColumn);
    return key.isMissingNode() || key.isNull() ? null : key.asText();
  }

  @Override
  public String toString() {
    return id;
  }
}
