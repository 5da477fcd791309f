CREATE EXTENSION IF NOT EXISTS postgis;

-- projected polygons with every attribute type discovery maps
CREATE TABLE parcels (
  id integer PRIMARY KEY,
  name text,
  area double precision,
  storeys smallint,
  listed boolean,
  surveyed date,
  updated timestamptz,
  tags text[],
  extra jsonb,
  geom geometry(Polygon, 25832)
);
INSERT INTO parcels
SELECT i, 'parcel ' || i, 100.0 + i, (i % 5)::smallint, i % 2 = 0, date '2020-01-01' + i,
       timestamptz '2021-06-01 12:00:00+00' + i * interval '1 hour', ARRAY['a', 'b' || i], jsonb_build_object('n', i),
       ST_MakeEnvelope(440000 + (i % 20) * 50, 5760000 + (i / 20) * 50,
                       440000 + (i % 20) * 50 + 30, 5760000 + (i / 20) * 50 + 30, 25832)
FROM generate_series(1, 237) AS i;

-- points in CRS84 around the antimeridian with text keys that need quoting care
CREATE TABLE "Harbours" (
  code varchar(20) PRIMARY KEY,
  "label ""quoted""" text,
  geom geometry(Point, 4326)
);
INSERT INTO "Harbours"
SELECT 'h-' || i, 'harbour ''' || i || '''', ST_SetSRID(ST_MakePoint(CASE WHEN i % 2 = 0 THEN 175 + i * 0.1 ELSE -175 - i * 0.1 END, -20 + i * 0.5), 4326)
FROM generate_series(1, 40) AS i;

-- 3D lines in another schema
CREATE SCHEMA transport;
CREATE TABLE transport.lines (gid bigint PRIMARY KEY, geom geometry(LineStringZ, 4326));
INSERT INTO transport.lines
SELECT i, ST_SetSRID(ST_MakeLine(ST_MakePoint(7 + i * 0.01, 51, 10), ST_MakePoint(7.005 + i * 0.01, 51.005, 12)), 4326)
FROM generate_series(1, 15) AS i;

-- a view with an id column, and one without any key: only the first is published
CREATE VIEW big_parcels AS SELECT id, area, geom FROM parcels WHERE area > 300;
CREATE VIEW keyless AS SELECT name, geom FROM parcels;

-- 3D building solids and mixed geometries that ST_AsGeoJSON cannot write directly
CREATE TABLE solids (id integer PRIMARY KEY, geom geometry(PolyhedralSurfaceZ, 25832));
INSERT INTO solids VALUES (1, ST_GeomFromText('POLYHEDRALSURFACE Z (
  ((440000 5760000 0, 440010 5760000 0, 440010 5760010 0, 440000 5760010 0, 440000 5760000 0)),
  ((440000 5760000 0, 440000 5760000 12, 440010 5760000 12, 440010 5760000 0, 440000 5760000 0)))', 25832));
CREATE TABLE things (id integer PRIMARY KEY, geom geometry(Geometry, 4326));
INSERT INTO things VALUES
  (1, 'SRID=4326;GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(7 51)), LINESTRING(7 51, 7.1 51.1))'),
  (2, 'SRID=4326;POINT(7.2 51.2)'),
  (3, 'SRID=4326;GEOMETRYCOLLECTION(MULTIPOINT(7 51, 7.1 51.1), LINESTRING(7 51, 7.1 51.1))');

-- more columns than a SQL function takes arguments
DO $$ BEGIN
  EXECUTE 'CREATE TABLE wide (id integer PRIMARY KEY, geom geometry(Point, 4326), '
    || (SELECT string_agg('c' || i || ' integer', ', ') FROM generate_series(1, 60) AS i) || ')';
END $$;
INSERT INTO wide (id, geom, c1, c60) VALUES (1, 'SRID=4326;POINT(1 1)', 1, 60);

ANALYZE;
