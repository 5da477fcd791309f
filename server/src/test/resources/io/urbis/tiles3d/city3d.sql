-- A generated city near Wesel (EPSG:25832, about 6.62 E 51.66 N) for the 3D Tiles tests: 400 LoD1 blocks as
-- PolyhedralSurfaceZ (a few 45 m halls among 8-30 m houses), the same plan as 2D footprints with heights (halls
-- with a courtyard), one block with a degenerate face, and a flat 2D layer without heights.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE FUNCTION box_surface(x0 float8, y0 float8, x1 float8, y1 float8, z0 float8, z1 float8) RETURNS geometry AS $$
  SELECT ST_GeomFromText(format('POLYHEDRALSURFACE Z ('
    || '((%1$s %2$s %5$s, %1$s %4$s %5$s, %3$s %4$s %5$s, %3$s %2$s %5$s, %1$s %2$s %5$s)),'
    || '((%1$s %2$s %6$s, %3$s %2$s %6$s, %3$s %4$s %6$s, %1$s %4$s %6$s, %1$s %2$s %6$s)),'
    || '((%1$s %2$s %5$s, %3$s %2$s %5$s, %3$s %2$s %6$s, %1$s %2$s %6$s, %1$s %2$s %5$s)),'
    || '((%3$s %2$s %5$s, %3$s %4$s %5$s, %3$s %4$s %6$s, %3$s %2$s %6$s, %3$s %2$s %5$s)),'
    || '((%3$s %4$s %5$s, %1$s %4$s %5$s, %1$s %4$s %6$s, %3$s %4$s %6$s, %3$s %4$s %5$s)),'
    || '((%1$s %4$s %5$s, %1$s %2$s %5$s, %1$s %2$s %6$s, %1$s %4$s %6$s, %1$s %4$s %5$s)))',
    x0, y0, x1, y1, z0, z1), 25832)
$$ LANGUAGE sql IMMUTABLE;

CREATE TABLE plan AS
SELECT row_number() OVER (ORDER BY i, j)::int AS id, i, j,
       335000 + i * 60 + (i * 7 + j * 3) % 9 AS x0,
       5724000 + j * 60 + (i * 5 + j * 11) % 9 AS y0,
       CASE WHEN i % 7 = 3 AND j % 7 = 3 THEN 45 ELSE 8 + (i * 7 + j * 13) % 22 END AS w,
       CASE WHEN i % 7 = 3 AND j % 7 = 3 THEN 30 ELSE 8 + (i * 11 + j * 5) % 15 END AS d,
       6 + (i + j) % 25 AS h,
       20 + i % 5 AS ground
FROM generate_series(0, 19) i, generate_series(0, 19) j;

CREATE TABLE blocks3d (
  id integer PRIMARY KEY,
  name text,
  height_m double precision,
  storeys integer,
  listed boolean,
  geom geometry(PolyhedralSurfaceZ, 25832) NOT NULL);
INSERT INTO blocks3d
SELECT id, CASE WHEN id % 10 = 0 THEN NULL ELSE 'Block ' || id END, h, h / 3, id % 13 = 0,
       box_surface(x0, y0, x0 + w, y0 + d, ground, ground + h)
FROM plan;
-- one block whose floor has collapsed to a line: skipped, the rest of the block stays
UPDATE blocks3d SET geom = ST_GeomFromText(replace(ST_AsText(geom),
  '((335000 5724000 20,335000 5724008 20,335008 5724008 20,',
  '((335000 5724000 20,335004 5724000 20,335008 5724000 20,'), 25832) WHERE id = 1;
CREATE INDEX ON blocks3d USING gist (geom);

CREATE TABLE footprints (
  id integer PRIMARY KEY,
  name text,
  height_m double precision,
  ground_m double precision,
  geom geometry(MultiPolygon, 25832) NOT NULL);
INSERT INTO footprints
SELECT id, 'Footprint ' || id, h, ground,
       CASE WHEN w = 45 THEN ST_Multi(ST_Difference(ST_MakeEnvelope(x0, y0, x0 + w, y0 + d, 25832),
                                                    ST_MakeEnvelope(x0 + 10, y0 + 8, x0 + 35, y0 + 22, 25832)))
            ELSE ST_Multi(ST_MakeEnvelope(x0, y0, x0 + w, y0 + d, 25832)) END
FROM plan;
-- a footprint without height has no model
UPDATE footprints SET height_m = NULL WHERE id = 7;
CREATE INDEX ON footprints USING gist (geom);

CREATE TABLE flat (
  id integer PRIMARY KEY,
  geom geometry(Polygon, 25832) NOT NULL);
INSERT INTO flat SELECT id, ST_MakeEnvelope(x0, y0, x0 + w, y0 + d, 25832) FROM plan WHERE id <= 10;

DROP TABLE plan;

-- a 3D table without rows: its tileset and root subtree still exist
CREATE TABLE empty3d (
  id integer PRIMARY KEY,
  geom geometry(MultiPolygonZ, 25832));
