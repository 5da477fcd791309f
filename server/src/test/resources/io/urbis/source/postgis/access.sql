CREATE EXTENSION IF NOT EXISTS postgis;

-- buildings of two kinds of owner, with personal data (heat demand) and a date of construction: an audience sees
-- some of the rows and not every column. Private buildings are named so, so that they show wherever they leak.
CREATE TABLE buildings (
  id integer PRIMARY KEY,
  name text,
  owner_type text,
  heat_demand double precision,
  height double precision,
  built date,
  geom geometry(Polygon, 25832)
);
INSERT INTO buildings
SELECT i, CASE WHEN i % 3 = 0 THEN 'private' ELSE 'municipal' END || ' building ' || i,
       CASE WHEN i % 3 = 0 THEN 'private' ELSE 'municipal' END, 1000 + i * 7.25, 3 + i % 4,
       date '2000-01-01' + i * 30,
       ST_MakeEnvelope(440000 + (i % 10) * 40, 5760000 + (i / 10) * 40,
                       440000 + (i % 10) * 40 + 25, 5760000 + (i / 10) * 40 + 25, 25832)
FROM generate_series(1, 60) AS i;

ANALYZE;
