-- A small deterministic town for heat plan tests, EPSG:25832: a 5 x 5 grid of streets 100 m apart (4 x 4 blocks)
-- with a dead end, a municipal boundary that cuts the streets' ends, and buildings in each block: from none to a
-- dozen, so that some blocks and sections have fewer than 5 addresses and must be merged or withheld. Some buildings
-- have no address, some no heat demand (estimated), some no energy carrier.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE streets (id integer PRIMARY KEY, name text, geom geometry(LineString, 25832) NOT NULL);
INSERT INTO streets (id, name, geom)
SELECT i, 'East ' || i, ST_SetSRID(ST_MakeLine(ST_MakePoint(430000 - 20, 5750000 + i * 100),
  ST_MakePoint(430000 + 420, 5750000 + i * 100)), 25832) FROM generate_series(0, 4) i
UNION ALL
SELECT 10 + i, 'North ' || i, ST_SetSRID(ST_MakeLine(ST_MakePoint(430000 + i * 100, 5750000 - 20),
  ST_MakePoint(430000 + i * 100, 5750000 + 420)), 25832) FROM generate_series(0, 4) i
UNION ALL
-- a dead end into block (1, 1)
SELECT 20, 'Sackgasse', ST_SetSRID(ST_MakeLine(ST_MakePoint(430100, 5750150), ST_MakePoint(430140, 5750150)), 25832);

CREATE TABLE boundary (id integer PRIMARY KEY, name text, geom geometry(Polygon, 25832) NOT NULL);
INSERT INTO boundary VALUES (1, 'Testdorf', ST_SetSRID(ST_MakeEnvelope(430000 - 10, 5750000 - 10, 430000 + 410,
  5750000 + 410), 25832));

CREATE TABLE buildings (
  id integer PRIMARY KEY,
  street text,
  house_number text,
  function text,
  year_built integer,
  storeys integer,
  height_m double precision,
  heat_demand_kwh_a double precision,
  energy_carrier text,
  geom geometry(Polygon, 25832) NOT NULL
);
-- block (bx, by) gets ((bx * 4 + by) * 5) % 13 buildings of 10 x 8 m in rows of 4 (none, 1, 2, ... 12)
INSERT INTO buildings (id, street, house_number, function, year_built, storeys, height_m, heat_demand_kwh_a,
  energy_carrier, geom)
SELECT row_number() OVER (ORDER BY bx, by, k),
       CASE WHEN k % 7 = 6 THEN NULL ELSE 'Weg ' || bx || by END,
       CASE WHEN k % 7 = 6 THEN NULL ELSE (k / 2 + 1)::text END,                -- two buildings per address
       (ARRAY['residential', 'commercial', 'mixed', NULL, 'residential'])[1 + k % 5],
       CASE WHEN k % 4 = 3 THEN NULL ELSE 1900 + (bx * 37 + by * 11 + k * 13) % 120 END,
       CASE WHEN k % 6 = 5 THEN NULL ELSE 1 + (k + bx) % 5 END,
       3.0 * (1 + (k + bx) % 5) + 1.5,
       CASE WHEN k % 3 = 2 THEN NULL ELSE 8000 + 1500 * ((bx + by + k) % 9) END,
       (ARRAY['Erdgas', 'Heizöl', 'Fernwärme', NULL, 'Holz', 'Erdgas'])[1 + (k + by) % 6],
       ST_SetSRID(ST_MakeEnvelope(430000 + bx * 100 + 12 + (k % 4) * 20, 5750000 + by * 100 + 12 + (k / 4) * 25,
         430000 + bx * 100 + 22 + (k % 4) * 20, 5750000 + by * 100 + 20 + (k / 4) * 25), 25832)
FROM generate_series(0, 3) bx, generate_series(0, 3) by,
     LATERAL generate_series(0, ((bx * 4 + by) * 5) % 13 - 1) k;
CREATE INDEX ON buildings USING gist (geom);
