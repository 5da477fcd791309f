-- Two buildings with meters; the heat meter has 25 hourly readings. Ids are given so tests can name them.
SET search_path = sensorthings, public;
INSERT INTO thing (id, name, description, properties) VALUES
  (1, 'Town hall', 'The town hall of the demo city', '{"owner": "city", "floors": 4}'),
  (2, 'School', 'Primary school', '{"owner": "county"}');
INSERT INTO location (id, name, description, encoding_type, location, geom) VALUES
  (1, 'Market square 1', 'Entrance', 'application/geo+json', '{"type": "Point", "coordinates": [6.62, 51.66]}',
   ST_SetSRID(ST_MakePoint(6.62, 51.66), 4326));
INSERT INTO thing_location VALUES (1, 1);
INSERT INTO historical_location (id, thing_id, time) VALUES (1, 1, '2024-01-01T00:00:00Z');
INSERT INTO location_historical_location VALUES (1, 1);
INSERT INTO sensor (id, name, description, encoding_type, metadata) VALUES
  (1, 'Heat meter', 'Ultrasonic heat meter', 'application/pdf', 'https://example.org/heat-meter.pdf');
INSERT INTO observed_property (id, name, definition, description) VALUES
  (1, 'Heat energy', 'https://qudt.org/vocab/quantitykind/Energy', 'Heat delivered');
INSERT INTO datastream (id, name, description, observation_type, unit_of_measurement, thing_id, sensor_id,
    observed_property_id, phenomenon_time_start, phenomenon_time_end) VALUES
  (1, 'Town hall heat', 'Hourly heat', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
   '{"name": "kilowatt hour", "symbol": "kWh", "definition": "http://qudt.org/vocab/unit/KiloW-HR"}', 1, 1, 1,
   '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'),
  (2, 'School heat', 'Hourly heat', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
   '{"name": "kilowatt hour", "symbol": "kWh"}', 2, 1, 1, NULL, NULL);
INSERT INTO feature_of_interest (id, name, description, encoding_type, feature, geom) VALUES
  (1, 'Town hall', 'The building', 'application/geo+json', '{"type": "Point", "coordinates": [6.62, 51.66]}',
   ST_SetSRID(ST_MakePoint(6.62, 51.66), 4326));
INSERT INTO observation (id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, datastream_id,
    feature_of_interest_id)
  SELECT h + 1, '2024-01-01T00:00:00Z'::timestamptz + h * interval '1 hour',
         '2024-01-01T00:00:00Z'::timestamptz + h * interval '1 hour', NULL, 10 + h, 1, 1
  FROM generate_series(0, 24) AS h;
INSERT INTO observation (id, phenomenon_time_start, phenomenon_time_end, result_json, datastream_id,
    feature_of_interest_id)
  VALUES (100, '2024-01-01T00:00:00Z', '2024-01-01T01:00:00Z', '"meter replaced"', 2, 1);
