package io.urbis.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The feature collections of {@code fixture.sql}. Tables are keyed by their primary key {@code id}, which is the
 * feature id; the view has no key, so its features are recognised by their unique {@code name} property. poi's keys
 * are text, which a GeoPackage cannot keep as feature ids ({@link FixtureGeoPackage}): there the key is the property
 * {@code id} and the feature id an integer.
 */
public enum Layer {
  BUILDINGS("buildings", "id"),
  BIG_BUILDINGS("v_big_buildings", "name"),
  STREETS("streets", "id"),
  POI("poi", "id", true),
  POI3D("poi3d", "id"),
  DISTRICTS("districts", "id"),
  MIXED("mixed", "id"),
  ISLANDS("islands", "id"),
  SENSORS("sensors", "id"),
  WORLD("world", "id");

  /** The column {@code datetime} selects on in {@code buildings}: its first (and only) date column. */
  public static final String BUILDINGS_TEMPORAL_COLUMN = "construction_date";

  private final String id;
  private final String keyColumn;
  private final boolean textKeys;

  Layer(String id, String keyColumn) {
    this(id, keyColumn, false);
  }

  Layer(String id, String keyColumn, boolean textKeys) {
    this.id = id;
    this.keyColumn = keyColumn;
    this.textKeys = textKeys;
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

  /**
   * The key of a GeoJSON feature, comparable with the keys {@link Truth} reads from the table: its id, or the key
   * property where the id is not the key (the view; text keys under an integer feature id, as in a GeoPackage).
   */
  public String keyOf(JsonNode feature) {
    JsonNode key = keyIsTheId(feature) ? feature.path("id") : feature.path("properties").path(keyColumn);
    return key.isMissingNode() || key.isNull() ? null : key.asText();
  }

  /** The feature's properties, without the key property that stands in for a feature id (poi in a GeoPackage). */
  public Map<String, JsonNode> propertiesOf(JsonNode feature) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    feature.path("properties").properties().forEach(property -> properties.put(property.getKey(), property.getValue()));
    if ("id".equals(keyColumn) && !keyIsTheId(feature)) {
      properties.remove(keyColumn);
    }
    return properties;
  }

  private boolean keyIsTheId(JsonNode feature) {
    return "id".equals(keyColumn) && !(textKeys && feature.path("id").isNumber());
  }

  /** Whether the keys are text (which a GeoPackage cannot keep as feature ids). */
  public boolean hasTextKeys() {
    return textKeys;
  }

  @Override
  public String toString() {
    return id;
  }
}
