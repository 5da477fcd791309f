-- Urbis benchmark city: deterministic, no random().
--
--   public.buildings  200,000 polygons, EPSG:25832, E 435000..445000 / N 5755000..5765000 (10 x 10 km)
--   public.roads       50,000 linestrings, EPSG:25832, same area
--   bench.windows         200 bbox windows of 500 m x 500 m (EPSG:25832), with their CRS84 envelope
--
-- Every "random" number comes from bench.r(i, salt): PostgreSQL's integer hash (hashint8) of a
-- salted index scaled to [0,1). Same PostgreSQL major version -> byte-identical city.
-- The helper table and function live in schema "bench" so the server publishes only
-- the two collections in "public".
--
-- Run in an empty database:  psql -v ON_ERROR_STOP=1 -d urbis_bench -f city.sql
-- A smaller city of the same density: psql -v city_columns=100 -v city_rows=80 ... (columns x rows buildings of
-- 20 x 25 m cells, a quarter as many roads over the same area); the defaults, 500 x 400, make the city above.

\set ON_ERROR_STOP on
\if :{?city_columns}
\else
  \set city_columns 500
\endif
\if :{?city_rows}
\else
  \set city_rows 400
\endif
SET client_min_messages = warning;
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS bench;

-- deterministic pseudo-random number in [0,1) for index i and salt s
CREATE OR REPLACE FUNCTION bench.r(i bigint, s int) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT (hashint8(i * 1000003 + s)::bigint + 2147483648)::double precision / 4294967296.0 $$;

-- --------------------------------------------------------------------------------------------
-- buildings: one per cell of a 500 x 400 grid (cell 20 m wide, 25 m deep), ids in row-major order
-- --------------------------------------------------------------------------------------------
DROP TABLE IF EXISTS public.buildings;
CREATE TABLE public.buildings (
  id               integer PRIMARY KEY,
  height_m         double precision,
  storeys          integer,
  year_built       integer,
  function         text,
  heat_demand_kwh_a double precision,
  name             text,
  geom             geometry(Polygon, 25832) NOT NULL
);

WITH cell AS (
  SELECT g AS id,
         (g - 1) % :city_columns AS col,
         (g - 1) / :city_columns AS row
  FROM generate_series(1, :city_columns * :city_rows) AS g
), shape AS (
  SELECT id, col, row,
         435000 + col * 20 + 10 + (bench.r(id, 1) - 0.5) * 3.0 AS cx,   -- cell centre, jittered
         5755000 + row * 25 + 12.5 + (bench.r(id, 2) - 0.5) * 4.0 AS cy,
         8 + bench.r(id, 3) * 8.0  AS w,                                -- 8..16 m
         8 + bench.r(id, 4) * 10.0 AS d,                                -- 8..18 m
         (bench.r(id, 5) - 0.5) * 0.6 AS angle,                         -- +-17 degrees
         bench.r(id, 6) AS kind,
         bench.r(id, 7) AS cut
  FROM cell
), local AS (
  SELECT id, col, row, cx, cy, angle,
         CASE
           WHEN kind < 0.60 THEN                                         -- rectangle, 5 points
             ST_MakeEnvelope(-w / 2, -d / 2, w / 2, d / 2)
           WHEN kind < 0.92 THEN                                         -- L shape, 7 points
             ST_MakePolygon(ST_MakeLine(ARRAY[
               ST_MakePoint(-w / 2, -d / 2),
               ST_MakePoint( w / 2, -d / 2),
               ST_MakePoint( w / 2,  d / 2 - d * (0.3 + 0.3 * cut)),
               ST_MakePoint( w / 2 - w * (0.3 + 0.3 * cut),  d / 2 - d * (0.3 + 0.3 * cut)),
               ST_MakePoint( w / 2 - w * (0.3 + 0.3 * cut),  d / 2),
               ST_MakePoint(-w / 2,  d / 2),
               ST_MakePoint(-w / 2, -d / 2)]))
           ELSE                                                          -- round tower, 13 points
             ST_Buffer(ST_MakePoint(0, 0), least(w, d) / 2, 3)
         END AS g
  FROM shape
)
INSERT INTO public.buildings (id, height_m, storeys, year_built, function, heat_demand_kwh_a, name, geom)
SELECT id,
       round((s.storeys * 3.0 + 0.5 + bench.r(id, 9) * 2.5)::numeric, 2)::double precision,
       s.storeys,
       1850 + floor(bench.r(id, 10) * 174)::int,
       (ARRAY['residential', 'residential', 'residential', 'residential', 'commercial',
              'mixed', 'industrial', 'public', 'garage', 'agricultural'])[1 + floor(bench.r(id, 11) * 10)::int],
       round((ST_Area(l.g) * s.storeys * (60 + bench.r(id, 12) * 140))::numeric, 1)::double precision,
       CASE WHEN bench.r(id, 13) < 0.3 THEN NULL
            ELSE (ARRAY['Hauptstraße', 'Bahnhofstraße', 'Lindenallee', 'Mühlenweg', 'Kirchplatz',
                        'Schulstraße', 'Gartenstraße', 'Am Bürgerpark', 'Königsstraße', 'Wiesenweg',
                        'Goethestraße', 'Schillerstraße', 'Birkenweg', 'Lange Straße', 'Marktplatz',
                        'Große Straße'])[1 + (row / 4 + col / 50) % 16]
                 || ' ' || (1 + col % 50 * 2 + row % 2)::text
       END,
       ST_SetSRID(ST_SnapToGrid(ST_Translate(ST_Rotate(l.g, l.angle), l.cx, l.cy), 0.001), 25832)
FROM local l
CROSS JOIN LATERAL (SELECT 1 + floor(bench.r(l.id, 8) ^ 2 * 12)::int AS storeys) s
ORDER BY id;

CREATE INDEX buildings_geom_idx ON public.buildings USING gist (geom);

-- --------------------------------------------------------------------------------------------
-- roads: 50,000 polylines of 3..8 vertices, 30..120 m steps, gently turning
-- --------------------------------------------------------------------------------------------
DROP TABLE IF EXISTS public.roads;
CREATE TABLE public.roads (
  id       integer PRIMARY KEY,
  name     text,
  class    text,
  maxspeed integer,
  geom     geometry(LineString, 25832) NOT NULL
);

WITH road AS (
  SELECT g AS id,
         435000 + bench.r(g, 21) * (20 * :city_columns) AS x0,
         5755000 + bench.r(g, 22) * (25 * :city_rows) AS y0,
         bench.r(g, 23) * 2 * pi() AS heading,
         3 + floor(bench.r(g, 24) * 6)::int AS npts,
         bench.r(g, 25) AS c
  FROM generate_series(1, :city_columns * :city_rows / 4) AS g
), step AS (
  SELECT r.id, k,
         r.heading + sum((bench.r(r.id, 100 + k) - 0.5) * 0.6) OVER w AS theta,
         30 + bench.r(r.id, 200 + k) * 90 AS len
  FROM road r
  CROSS JOIN LATERAL generate_series(1, r.npts - 1) AS k
  WINDOW w AS (PARTITION BY r.id ORDER BY k)
), vertex AS (
  SELECT id, 0 AS k, x0 AS x, y0 AS y FROM road
  UNION ALL
  SELECT s.id, s.k,
         r.x0 + sum(s.len * cos(s.theta)) OVER w,
         r.y0 + sum(s.len * sin(s.theta)) OVER w
  FROM step s JOIN road r USING (id)
  WINDOW w AS (PARTITION BY s.id ORDER BY s.k)
), line AS (
  SELECT id, ST_MakeLine(ST_MakePoint(round(x::numeric, 2)::float8, round(y::numeric, 2)::float8) ORDER BY k) AS g
  FROM vertex GROUP BY id
)
INSERT INTO public.roads (id, name, class, maxspeed, geom)
SELECT l.id,
       CASE WHEN cls.class IN ('service', 'track') AND bench.r(l.id, 27) < 0.7 THEN NULL
            ELSE (ARRAY['Hauptstraße', 'Bahnhofstraße', 'Lindenallee', 'Mühlenweg', 'Ringstraße',
                        'Schulstraße', 'Gartenstraße', 'Am Bürgerpark', 'Königsstraße', 'Wiesenweg',
                        'Goethestraße', 'Schillerstraße', 'Birkenweg', 'Lange Straße', 'Feldweg',
                        'Große Straße', 'Osnabrücker Straße', 'Industriestraße', 'Am Bahndamm',
                        'Friedhofsweg'])[1 + floor(bench.r(l.id, 26) * 20)::int]
       END,
       cls.class,
       CASE cls.class
         WHEN 'motorway'  THEN CASE WHEN bench.r(l.id, 28) < 0.5 THEN NULL ELSE 120 END
         WHEN 'trunk'     THEN 100
         WHEN 'primary'   THEN 70
         WHEN 'secondary' THEN 50
         WHEN 'tertiary'  THEN 50
         WHEN 'residential' THEN CASE WHEN bench.r(l.id, 28) < 0.6 THEN 30 ELSE 50 END
         ELSE NULL
       END,
       ST_SetSRID(l.g, 25832)
FROM line l
JOIN road r USING (id)
CROSS JOIN LATERAL (SELECT CASE
    WHEN r.c < 0.01 THEN 'motorway'
    WHEN r.c < 0.03 THEN 'trunk'
    WHEN r.c < 0.08 THEN 'primary'
    WHEN r.c < 0.16 THEN 'secondary'
    WHEN r.c < 0.28 THEN 'tertiary'
    WHEN r.c < 0.78 THEN 'residential'
    WHEN r.c < 0.93 THEN 'service'
    ELSE 'track' END AS class) cls
ORDER BY l.id;

CREATE INDEX roads_geom_idx ON public.roads USING gist (geom);

-- --------------------------------------------------------------------------------------------
-- bbox windows: 200 squares of 500 m in EPSG:25832, their CRS84 envelope rounded to 6 decimals
-- (about 0.1 m), the exact numbers both the HTTP load generator and pgbench send.
-- --------------------------------------------------------------------------------------------
DROP TABLE IF EXISTS bench.windows;
CREATE TABLE bench.windows AS
SELECT w AS id, e.xmin_m, e.ymin_m,
       round(ST_XMin(t.g)::numeric, 6)::float8 AS minlon,
       round(ST_YMin(t.g)::numeric, 6)::float8 AS minlat,
       round(ST_XMax(t.g)::numeric, 6)::float8 AS maxlon,
       round(ST_YMax(t.g)::numeric, 6)::float8 AS maxlat
FROM generate_series(1, 200) AS w
CROSS JOIN LATERAL (SELECT 435000 + floor(bench.r(w, 31) * (20 * :city_columns - 500)) AS xmin_m,
                           5755000 + floor(bench.r(w, 32) * (25 * :city_rows - 500)) AS ymin_m) e
CROSS JOIN LATERAL (SELECT ST_Transform(ST_MakeEnvelope(e.xmin_m, e.ymin_m, e.xmin_m + 500, e.ymin_m + 500, 25832),
                                        4326) AS g) t
ORDER BY w;
ALTER TABLE bench.windows ADD PRIMARY KEY (id);

VACUUM ANALYZE public.buildings;
VACUUM ANALYZE public.roads;
ANALYZE bench.windows;
