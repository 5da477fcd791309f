package io.urbis.sensorthings;

import static io.urbis.sensorthings.EntityType.DATASTREAM;
import static io.urbis.sensorthings.EntityType.FEATURE_OF_INTEREST;
import static io.urbis.sensorthings.EntityType.HISTORICAL_LOCATION;
import static io.urbis.sensorthings.EntityType.LOCATION;
import static io.urbis.sensorthings.EntityType.MULTI_DATASTREAM;
import static io.urbis.sensorthings.EntityType.OBSERVATION;
import static io.urbis.sensorthings.EntityType.OBSERVED_PROPERTY;
import static io.urbis.sensorthings.EntityType.SENSOR;
import static io.urbis.sensorthings.EntityType.THING;

import io.urbis.cql2.postgis.CompiledSql;

/**
 * The navigation properties of 18-088 (Figure 2 and clause 14) and how their rows are found: by a key the source
 * holds ({@code Datastream/Thing}), a key the target holds ({@code Datastream/Observations}) or a link table
 * ({@code Thing/Locations}).
 */
enum Navigation {
  THING_LOCATIONS(THING, "Locations", LOCATION, Link.table("thing_location", "thing_id", "location_id")),
  THING_HISTORICAL_LOCATIONS(THING, "HistoricalLocations", HISTORICAL_LOCATION, Link.targetKey("thing_id")),
  THING_DATASTREAMS(THING, "Datastreams", DATASTREAM, Link.targetKey("thing_id")),
  THING_MULTI_DATASTREAMS(THING, "MultiDatastreams", MULTI_DATASTREAM, Link.targetKey("thing_id")),
  LOCATION_THINGS(LOCATION, "Things", THING, Link.table("thing_location", "location_id", "thing_id")),
  LOCATION_HISTORICAL_LOCATIONS(LOCATION, "HistoricalLocations", HISTORICAL_LOCATION,
      Link.table("location_historical_location", "location_id", "historical_location_id")),
  HISTORICAL_LOCATION_THING(HISTORICAL_LOCATION, "Thing", THING, Link.sourceKey("thing_id")),
  HISTORICAL_LOCATION_LOCATIONS(HISTORICAL_LOCATION, "Locations", LOCATION,
      Link.table("location_historical_location", "historical_location_id", "location_id")),
  DATASTREAM_THING(DATASTREAM, "Thing", THING, Link.sourceKey("thing_id")),
  DATASTREAM_SENSOR(DATASTREAM, "Sensor", SENSOR, Link.sourceKey("sensor_id")),
  DATASTREAM_OBSERVED_PROPERTY(DATASTREAM, "ObservedProperty", OBSERVED_PROPERTY,
      Link.sourceKey("observed_property_id")),
  DATASTREAM_OBSERVATIONS(DATASTREAM, "Observations", OBSERVATION, Link.targetKey("datastream_id")),
  MULTI_DATASTREAM_THING(MULTI_DATASTREAM, "Thing", THING, Link.sourceKey("thing_id")),
  MULTI_DATASTREAM_SENSOR(MULTI_DATASTREAM, "Sensor", SENSOR, Link.sourceKey("sensor_id")),
  MULTI_DATASTREAM_OBSERVED_PROPERTIES(MULTI_DATASTREAM, "ObservedProperties", OBSERVED_PROPERTY,
      Link.table("multi_datastream_observed_property", "multi_datastream_id", "observed_property_id")),
  MULTI_DATASTREAM_OBSERVATIONS(MULTI_DATASTREAM, "Observations", OBSERVATION,
      Link.targetKey("multi_datastream_id")),
  SENSOR_DATASTREAMS(SENSOR, "Datastreams", DATASTREAM, Link.targetKey("sensor_id")),
  SENSOR_MULTI_DATASTREAMS(SENSOR, "MultiDatastreams", MULTI_DATASTREAM, Link.targetKey("sensor_id")),
  OBSERVED_PROPERTY_DATASTREAMS(OBSERVED_PROPERTY, "Datastreams", DATASTREAM,
      Link.targetKey("observed_property_id")),
  OBSERVED_PROPERTY_MULTI_DATASTREAMS(OBSERVED_PROPERTY, "MultiDatastreams", MULTI_DATASTREAM,
      Link.table("multi_datastream_observed_property", "observed_property_id", "multi_datastream_id")),
  OBSERVATION_DATASTREAM(OBSERVATION, "Datastream", DATASTREAM, Link.sourceKey("datastream_id")),
  OBSERVATION_MULTI_DATASTREAM(OBSERVATION, "MultiDatastream", MULTI_DATASTREAM,
      Link.sourceKey("multi_datastream_id")),
  OBSERVATION_FEATURE_OF_INTEREST(OBSERVATION, "FeatureOfInterest", FEATURE_OF_INTEREST,
      Link.sourceKey("feature_of_interest_id")),
  FEATURE_OF_INTEREST_OBSERVATIONS(FEATURE_OF_INTEREST, "Observations", OBSERVATION,
      Link.targetKey("feature_of_interest_id"));

  private final EntityType source;
  private final String propertyName;
  private final EntityType target;
  private final Link link;

  Navigation(EntityType source, String propertyName, EntityType target, Link link) {
    this.source = source;
    this.propertyName = propertyName;
    this.target = target;
    this.link = link;
  }

  EntityType source() {
    return source;
  }

  String propertyName() {
    return propertyName;
  }

  EntityType target() {
    return target;
  }

  /** Whether it leads to one entity (a key the source holds) rather than an entity set. */
  boolean toOne() {
    return link.sourceColumn != null;
  }

  /**
   * The condition on the target (alias {@code t}) that it belongs to one of the sources whose ids {@code sourceIds}
   * selects.
   */
  CompiledSql condition(String schema, CompiledSql sourceIds) {
    if (link.sourceColumn != null) {
      return CompiledSql.concat("t.id IN (SELECT s." + link.sourceColumn + " FROM " + schema + "."
          + source.table() + " s WHERE s.id IN (", sourceIds, "))");
    }
    if (link.table == null) {
      return CompiledSql.concat("t." + link.targetColumn + " IN (", sourceIds, ")");
    }
    return CompiledSql.concat("t.id IN (SELECT l." + link.targetColumn + " FROM " + schema + "." + link.table
        + " l WHERE l." + link.linkSourceColumn + " IN (", sourceIds, "))");
  }

  /**
   * The value of a to-one navigation's target as a scalar subquery from the source row {@code sourceAlias}:
   * {@code value} is written over the alias {@code targetAlias}.
   */
  CompiledSql targetValue(String schema, String sourceAlias, String targetAlias, CompiledSql value) {
    return CompiledSql.concat("(SELECT ", value, " FROM " + schema + "." + target.table() + " " + targetAlias
        + " WHERE " + targetAlias + ".id = " + sourceAlias + "." + link.sourceColumn + ")");
  }

  /**
   * How the rows are linked: exactly one of a source column (key on the source), a target column alone (key on
   * the target) or a link table with its two columns.
   */
  private record Link(String sourceColumn, String targetColumn, String table, String linkSourceColumn) {

    static Link sourceKey(String column) {
      return new Link(column, null, null, null);
    }

    static Link targetKey(String column) {
      return new Link(null, column, null, null);
    }

    static Link table(String table, String sourceColumn, String targetColumn) {
      return new Link(null, targetColumn, table, sourceColumn);
    }
  }
}
