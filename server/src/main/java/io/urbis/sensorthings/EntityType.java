package io.urbis.sensorthings;

import static io.urbis.sensorthings.EntityProperty.computed;
import static io.urbis.sensorthings.EntityProperty.geoJson;
import static io.urbis.sensorthings.EntityProperty.geometry;
import static io.urbis.sensorthings.EntityProperty.instant;
import static io.urbis.sensorthings.EntityProperty.interval;
import static io.urbis.sensorthings.EntityProperty.json;
import static io.urbis.sensorthings.EntityProperty.text;
import static io.urbis.sensorthings.EntityProperty.typed;

import io.urbis.sensorthings.filter.ValueType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entity types of SensorThings 1.1 (OGC 18-088 clause 8, with the MultiDatastream extension of clause 14), their
 * entity set names, tables and properties, in the order 18-088 lists them.
 */
enum EntityType {
  THING("Thing", "Things", "thing", List.of(text("name", "name"), text("description", "description"),
      json("properties", "properties"))),
  LOCATION("Location", "Locations", "location", List.of(text("name", "name"), text("description", "description"),
      text("encodingType", "encoding_type"), geoJson("location", "location", "geom"),
      json("properties", "properties"))),
  HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "historical_location",
      List.of(instant("time", "time"))),
  DATASTREAM("Datastream", "Datastreams", "datastream", List.of(text("name", "name"),
      text("description", "description"), json("unitOfMeasurement", "unit_of_measurement"),
      text("observationType", "observation_type"), geometry("observedArea", "observed_area"),
      interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end"),
      interval("resultTime", "result_time_start", "result_time_end"), json("properties", "properties"))),
  MULTI_DATASTREAM("MultiDatastream", "MultiDatastreams", "multi_datastream", List.of(text("name", "name"),
      text("description", "description"), json("unitOfMeasurements", "unit_of_measurements"),
      computed("observationType", "'" + MultiDatastreams.OBSERVATION_TYPE + "'",
          typed("'" + MultiDatastreams.OBSERVATION_TYPE + "'::text", ValueType.STRING)),
      json("multiObservationDataTypes", "multi_observation_data_types"),
      geometry("observedArea", "observed_area"),
      interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end"),
      interval("resultTime", "result_time_start", "result_time_end"), json("properties", "properties"))),
  SENSOR("Sensor", "Sensors", "sensor", List.of(text("name", "name"), text("description", "description"),
      text("encodingType", "encoding_type"), text("metadata", "metadata"), json("properties", "properties"))),
  OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "observed_property", List.of(text("name", "name"),
      text("definition", "definition"), text("description", "description"), json("properties", "properties"))),
  OBSERVATION("Observation", "Observations", "observation", List.of(
      interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end"),
      instant("resultTime", "result_time"),
      // A number is kept as a number (aggregates, indexes); any other result as JSON.
      computed("result", "COALESCE(to_json(t.result_number), t.result_json::json)",
          typed("COALESCE(to_jsonb(t.result_number), t.result_json)", ValueType.JSON)),
      json("resultQuality", "result_quality"),
      interval("validTime", "valid_time_start", "valid_time_end"),
      json("parameters", "parameters"))),
  FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "feature_of_interest", List.of(
      text("name", "name"), text("description", "description"), text("encodingType", "encoding_type"),
      geoJson("feature", "feature", "geom"), json("properties", "properties")));

  private final String entityName;
  private final String setName;
  private final String table;
  private final List<EntityProperty> properties;

  EntityType(String entityName, String setName, String table, List<EntityProperty> properties) {
    this.entityName = entityName;
    this.setName = setName;
    this.table = table;
    this.properties = properties;
  }

  String entityName() {
    return entityName;
  }

  String setName() {
    return setName;
  }

  String table() {
    return table;
  }

  List<EntityProperty> properties() {
    return properties;
  }

  Optional<EntityProperty> property(String name) {
    return properties.stream().filter(property -> property.name().equals(name)).findFirst();
  }

  static Optional<EntityType> bySetName(String name) {
    return Arrays.stream(values()).filter(type -> type.setName.equals(name)).findFirst();
  }

  /** The navigation properties leaving this type, in declaration order. */
  List<Navigation> navigations() {
    return Arrays.stream(Navigation.values()).filter(navigation -> navigation.source() == this).toList();
  }

  Optional<Navigation> navigation(String name) {
    return navigations().stream().filter(navigation -> navigation.propertyName().equals(name)).findFirst();
  }
}
