-- Urbis conformance fixture. Loaded into a throwaway database (postgis already created) by TestDatabase.
-- Deterministic: no random(), no now(); every count and every coordinate is the same on every run.
-- Polygons are stored counter-clockwise (ST_ForcePolygonCCW) so that the RFC 7946 winding and the stored
-- winding agree and the tests can compare coordinates one to one with ST_AsGeoJSON.

-- 1,200 building footprints in ETRS89 / UTM 32N (Cologne), a 40 x 30 grid; every construction_date is
-- shared by exactly 3 buildings (37 and 400 are coprime), so an instant selects 3 features.
CREATE TABLE buildings (
  id integer PRIMARY KEY,
  name text NOT NULL,
  floors integer NOT NULL,
  height double precision,
  residential boolean NOT NULL,
  construction_date date NOT NULL,
  last_survey timestamptz NOT NULL,
  geom geometry(Polygon, 25832) NOT NULL
);
INSERT INTO buildings
SELECT i,
       'Gebäude ' || i,
       1 + (i * 7) % 12,
       CASE WHEN i % 17 = 0 THEN NULL ELSE round((3.1 * (1 + (i * 7) % 12) + (i % 5) * 0.37)::numeric, 2) END,
       i % 3 <> 0,
       date '1950-01-01' + ((i * 37) % 400) * 64,
       timestamptz '2020-01-01 00:00:00+00' + i * interval '6 hours 13 minutes',
       ST_MakeEnvelope(x, y, x + 12 + (i % 7) * 4, y + 10 + (i % 5) * 5, 25832)
FROM (SELECT i,
             356000 + ((i - 1) % 40) * 60 + (i % 3) * 0.123 AS x,
             5645000 + ((i - 1) / 40) * 60 + (i % 4) * 0.0456 AS y
      FROM generate_series(1, 1200) AS i) AS grid;

CREATE VIEW v_big_buildings AS
SELECT id, name, floors, height, construction_date, geom FROM buildings WHERE floors >= 8;

-- 300 streets as WGS 84 line strings; the last vertex has more than 7 decimals (the server rounds).
CREATE TABLE streets (
  id integer PRIMARY KEY,
  name text NOT NULL,
  lanes smallint NOT NULL,
  oneway boolean NOT NULL,
  geom geometry(LineString, 4326) NOT NULL
);
INSERT INTO streets
SELECT i,
       'Straße ' || i,
       1 + i % 4,
       i % 5 = 0,
       ST_SetSRID(ST_MakeLine(ARRAY[
         ST_MakePoint(x, y),
         ST_MakePoint(x + 0.004, y + 0.003 * (i % 3 - 1)),
         ST_MakePoint(x + 0.0091234567, y + 0.0012345678)]), 4326)
FROM (SELECT i, 6.90 + (i % 20) * 0.012 AS x, 50.90 + (i / 20) * 0.008 AS y
      FROM generate_series(1, 300) AS i) AS grid;

-- 250 points of interest in Web Mercator with text keys, two of them needing percent-encoding in a URL.
CREATE TABLE poi (
  id text PRIMARY KEY,
  name text NOT NULL,
  category text NOT NULL,
  rating double precision,
  open_24h boolean NOT NULL,
  geom geometry(Point, 3857) NOT NULL
);
INSERT INTO poi
SELECT 'poi-' || lpad(i::text, 4, '0'),
       'POI ' || i,
       (ARRAY['cafe', 'shop', 'museum', 'park', 'station'])[1 + i % 5],
       (i % 50) / 10.0,
       i % 7 = 0,
       ST_Transform(ST_SetSRID(ST_MakePoint(6.93 + (i % 16) * 0.0071, 50.92 + (i / 16) * 0.0043), 4326), 3857)
FROM generate_series(1, 248) AS i;
INSERT INTO poi VALUES
  ('poi-café', 'Café Ümlaut', 'cafe', 4.5, false,
   ST_Transform(ST_SetSRID(ST_MakePoint(6.9581, 50.9413), 4326), 3857)),
  ('poi with space', 'Space Station', 'station', NULL, true,
   ST_Transform(ST_SetSRID(ST_MakePoint(6.9672, 50.9431), 4326), 3857));

-- 50 masts with ellipsoidal heights (WGS 84 3D).
CREATE TABLE poi3d (
  id integer PRIMARY KEY,
  name text NOT NULL,
  geom geometry(PointZ, 4979) NOT NULL
);
INSERT INTO poi3d
SELECT i, 'Mast ' || i,
       ST_SetSRID(ST_MakePoint(6.95 + (i % 10) * 0.005, 50.93 + (i / 10) * 0.004, 40 + i * 2.5), 4979)
FROM generate_series(1, 50) AS i;

-- 10 districts in DHDN / Gauss-Krüger zone 3 (Frankfurt): a block with a courtyard hole plus an exclave.
CREATE TABLE districts (
  id integer PRIMARY KEY,
  name text NOT NULL,
  population integer NOT NULL,
  geom geometry(MultiPolygon, 31467) NOT NULL
);
INSERT INTO districts
SELECT k + 1,
       'Bezirk ' || (k + 1),
       10000 + k * 2345,
       ST_Multi(ST_Collect(
         ST_Difference(ST_MakeEnvelope(x, y, x + 3500, y + 4500, 31467),
                       ST_MakeEnvelope(x + 1000, y + 1500, x + 2000, y + 2500, 31467)),
         ST_MakeEnvelope(x + 3700, y + 100, x + 3900, y + 400, 31467)))
FROM (SELECT k, 3470000 + (k % 5) * 4000 AS x, 5540000 + (k / 5) * 5000 AS y
      FROM generate_series(0, 9) AS k) AS grid;

-- 20 rows of every geometry type in one generic column, three of them without a geometry. (No nested
-- GeometryCollection: RFC 7946 discourages it and PostGIS 3.3 cannot write it as GeoJSON.)
CREATE TABLE mixed (
  id integer PRIMARY KEY,
  label text NOT NULL,
  geom geometry(Geometry, 4326)
);
INSERT INTO mixed VALUES
  (1, 'point', 'SRID=4326;POINT(10.1 50.1)'),
  (2, 'line string', 'SRID=4326;LINESTRING(10.2 50.2,10.25 50.22,10.3 50.21)'),
  (3, 'polygon', 'SRID=4326;POLYGON((10.3 50.3,10.35 50.3,10.35 50.35,10.3 50.35,10.3 50.3))'),
  (4, 'polygon with hole', 'SRID=4326;POLYGON((10.4 50.4,10.5 50.4,10.5 50.5,10.4 50.5,10.4 50.4),'
                            '(10.42 50.42,10.42 50.48,10.48 50.48,10.48 50.42,10.42 50.42))'),
  (5, 'multi point', 'SRID=4326;MULTIPOINT((10.5 50.5),(10.52 50.51),(10.55 50.49))'),
  (6, 'multi line string', 'SRID=4326;MULTILINESTRING((10.6 50.6,10.62 50.61),(10.63 50.6,10.65 50.64))'),
  (7, 'multi polygon', 'SRID=4326;MULTIPOLYGON(((10.7 50.7,10.72 50.7,10.72 50.72,10.7 50.7)),'
                       '((10.75 50.75,10.77 50.75,10.77 50.77,10.75 50.75)))'),
  (8, 'geometry collection', 'SRID=4326;GEOMETRYCOLLECTION(POINT(10.8 50.8),LINESTRING(10.8 50.8,10.85 50.85),'
                             'POLYGON((10.81 50.81,10.83 50.81,10.83 50.83,10.81 50.81)))'),
  (9, 'no geometry', NULL),
  (10, 'no geometry either', NULL),
  (11, 'still no geometry', NULL),
  (12, 'southern and western hemisphere', 'SRID=4326;POINT(-70.6693 -33.4489)'),
  (13, 'long line', 'SRID=4326;LINESTRING(-10 40,0 45,12.3456789 47.1234567)'),
  (14, 'point on the equator', 'SRID=4326;POINT(0 0)'),
  (15, 'collection of multis', 'SRID=4326;GEOMETRYCOLLECTION(MULTIPOINT((11 51),(11.1 51.1)),'
                               'MULTILINESTRING((11.2 51.2,11.3 51.3)))'),
  (16, 'point with many decimals', 'SRID=4326;POINT(11.123456789 51.987654321)'),
  (17, 'near the pole', 'SRID=4326;POINT(15 89.5)'),
  (18, 'large polygon', 'SRID=4326;POLYGON((-20 30,40 30,40 60,-20 60,-20 30))'),
  (19, 'square', 'SRID=4326;POLYGON((12 52,12.01 52,12.01 52.01,12 52.01,12 52))'),
  (20, 'degenerate line', 'SRID=4326;LINESTRING(12.5 52.5,12.5 52.5001)');

-- 40 islands on both sides of the antimeridian (Fiji, Tonga); nothing crosses it or lies on it.
CREATE TABLE islands (
  id integer PRIMARY KEY,
  name text NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL
);
INSERT INTO islands
SELECT i + 1,
       'Motu ' || (i + 1),
       ST_SetSRID(ST_MakePoint(CASE WHEN 170 + i * 0.7 > 180 THEN 170 + i * 0.7 - 360 ELSE 170 + i * 0.7 END,
                               -20 + (i % 10) * 1.1), 4326)
FROM generate_series(0, 29) AS i;
INSERT INTO islands
SELECT 31 + k,
       'Atoll ' || (31 + k),
       ST_MakeEnvelope(lon, -18 + k * 0.5, lon + 0.4, -17.7 + k * 0.5, 4326)
FROM (SELECT k, (ARRAY[178.1, 178.9, 179.5, 179.6, -180, -179.9, -179.2, -178.6, -177.0, 176.0])[k + 1] AS lon
      FROM generate_series(0, 9) AS k) AS atolls;

-- 8 points all over the world, where projections end: on the equator 90° from UTM 32N's central meridian (PostGIS
-- cannot project them there), at the antimeridian, near both poles (beyond Web Mercator's 85.06°), and one in Wesel.
CREATE TABLE world (
  id integer PRIMARY KEY,
  name text NOT NULL,
  geom geometry(Point, 4326) NOT NULL
);
INSERT INTO world VALUES
  (1, 'null island', 'SRID=4326;POINT(0 0)'),
  (2, 'equator 90 west of 9 east', 'SRID=4326;POINT(-81 0)'),
  (3, 'equator 90 east of 9 east', 'SRID=4326;POINT(99 0)'),
  (4, 'antimeridian', 'SRID=4326;POINT(180 -17)'),
  (5, 'just west of it', 'SRID=4326;POINT(-179.5 -17)'),
  (6, 'near the north pole', 'SRID=4326;POINT(15 89.9)'),
  (7, 'near the south pole', 'SRID=4326;POINT(-60 -89.9)'),
  (8, 'Wesel', 'SRID=4326;POINT(6.62 51.66)');

-- 12,000 sensors with bigint keys: more features than the server's maximum limit (10,000).
CREATE TABLE sensors (
  id bigint PRIMARY KEY,
  kind text NOT NULL,
  geom geometry(Point, 4326) NOT NULL
);
INSERT INTO sensors
SELECT i, (ARRAY['air', 'noise', 'water'])[1 + i % 3],
       ST_SetSRID(ST_MakePoint(6.8 + (i % 120) * 0.003, 50.8 + (i / 120) * 0.002), 4326)
FROM generate_series(1, 12000) AS i;

-- Stored winding made counter-clockwise everywhere (exterior rings CCW, holes CW).
UPDATE buildings SET geom = ST_ForcePolygonCCW(geom);
UPDATE districts SET geom = ST_ForcePolygonCCW(geom);
UPDATE mixed SET geom = ST_ForcePolygonCCW(geom) WHERE geom IS NOT NULL;
UPDATE islands SET geom = ST_ForcePolygonCCW(geom);

CREATE INDEX buildings_geom ON buildings USING gist (geom);
CREATE INDEX streets_geom ON streets USING gist (geom);
CREATE INDEX poi_geom ON poi USING gist (geom);
CREATE INDEX poi3d_geom ON poi3d USING gist (geom);
CREATE INDEX districts_geom ON districts USING gist (geom);
CREATE INDEX mixed_geom ON mixed USING gist (geom);
CREATE INDEX islands_geom ON islands USING gist (geom);
CREATE INDEX sensors_geom ON sensors USING gist (geom);
CREATE INDEX world_geom ON world USING gist (geom);

-- Not to be published: no geometry column, or not in the search path.
CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);
INSERT INTO notes VALUES (1, 'no geometry here');
CREATE SCHEMA hidden;
CREATE TABLE hidden.secrets (id integer PRIMARY KEY, geom geometry(Point, 4326));
INSERT INTO hidden.secrets VALUES (1, 'SRID=4326;POINT(1 1)');

ANALYZE;
