package io.urbis.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A server with the SensorThings API enabled on the test database, its tables in the schema {@link #SCHEMA} that the
 * server creates itself at start, then filled with one entity of each type (and 12 Observations) by SQL.
 */
public final class SensorThingsData implements AutoCloseable {

  public static final String SCHEMA = "sta";
  public static final int OBSERVATIONS = 12;

  private final Urbis urbis;
  private final UrbisServer server;

  private SensorThingsData(Urbis urbis, UrbisServer server) {
    this.urbis = urbis;
    this.server = server;
  }

  /** Starts the server (which migrates the schema), then adds the entities. */
  public static SensorThingsData start(Urbis urbis) {
    urbis.database().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    Path config = Urbis.target("urbis-sensorthings.yaml");
    try {
      Files.writeString(config, """
          sources: ['%s']
          defaultLimit: 3
          maxLimit: 5
          sensorThings: {enabled: true, schema: %s}
          """.formatted(urbis.database().serverUrl().replace("'", "''"), SCHEMA));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    UrbisServer server = urbis.launch("sensorthings", List.of("--config", config.toString()));
    urbis.database().execute("SET search_path = " + SCHEMA + ", public;"
        + " INSERT INTO thing (name, description, properties) VALUES ('Town hall', 'Seat of the council',"
        + " '{\"owner\": \"city\"}');"
        + " INSERT INTO location (name, description, encoding_type, location, geom) VALUES ('Market square 1',"
        + " 'Entrance', 'application/geo+json', '{\"type\": \"Point\", \"coordinates\": [6.62, 51.66]}',"
        + " ST_SetSRID(ST_MakePoint(6.62, 51.66), 4326));"
        + " INSERT INTO thing_location SELECT t.id, l.id FROM thing t, location l;"
        + " INSERT INTO historical_location (thing_id, time) SELECT id, '2024-01-01T00:00:00Z' FROM thing;"
        + " INSERT INTO location_historical_location SELECT l.id, h.id FROM location l, historical_location h;"
        + " INSERT INTO sensor (name, description, encoding_type, metadata) VALUES ('Heat meter', 'Ultrasonic',"
        + " 'application/pdf', 'https://example.org/meter.pdf');"
        + " INSERT INTO observed_property (name, definition, description) VALUES ('Heat energy',"
        + " 'https://qudt.org/vocab/quantitykind/Energy', 'Heat delivered');"
        + " INSERT INTO datastream (name, description, observation_type, unit_of_measurement, thing_id, sensor_id,"
        + " observed_property_id) SELECT 'Town hall heat', 'Hourly heat',"
        + " 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',"
        + " '{\"name\": \"kilowatt hour\", \"symbol\": \"kWh\", \"definition\": \"http://qudt.org/vocab/unit/KiloW-HR\"}',"
        + " t.id, s.id, o.id FROM thing t, sensor s, observed_property o;"
        + " INSERT INTO multi_datastream (name, description, multi_observation_data_types, unit_of_measurements,"
        + " thing_id, sensor_id) SELECT 'Town hall heat and flow', 'Heat and flow',"
        + " '[\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\"]',"
        + " '[{\"name\": \"kilowatt hour\", \"symbol\": \"kWh\"}]', t.id, s.id FROM thing t, sensor s;"
        + " INSERT INTO multi_datastream_observed_property SELECT m.id, o.id, 0 FROM multi_datastream m,"
        + " observed_property o;"
        + " INSERT INTO feature_of_interest (name, description, encoding_type, feature) VALUES ('Town hall',"
        + " 'The building', 'application/geo+json', '{\"type\": \"Point\", \"coordinates\": [6.62, 51.66]}');"
        + " INSERT INTO observation (phenomenon_time_start, phenomenon_time_end, result_number, datastream_id,"
        + " feature_of_interest_id) SELECT '2024-01-01T00:00:00Z'::timestamptz + h * interval '1 hour',"
        + " '2024-01-01T00:00:00Z'::timestamptz + h * interval '1 hour', h, d.id, f.id"
        + " FROM generate_series(1, " + OBSERVATIONS + ") h, datastream d, feature_of_interest f;"
        + " RESET search_path");
    return new SensorThingsData(urbis, server);
  }

  public Api api() {
    return new Api(server.baseUri(), Source.POSTGIS);
  }

  public TestDatabase database() {
    return urbis.database();
  }

  @Override
  public void close() {
    server.close();
  }
}
