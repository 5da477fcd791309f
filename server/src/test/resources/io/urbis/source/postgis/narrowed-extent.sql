CREATE EXTENSION IF NOT EXISTS postgis;

-- buildings of the city (EPSG:25832, near 8.1°E 52°N) of two kinds of owner and their years of construction. The
-- private ones hold the edges of the table's extent in space and time: an estate far in the south-east (15.5°E
-- 47.8°N, east of where Gauss-Krueger zone 3 can be used), built in 1850, and the newest building. The public sees
-- only municipal buildings, whose extent is smaller in both.
CREATE TABLE buildings (
  id integer PRIMARY KEY,
  name text,
  owner_type text,
  built date,
  geom geometry(Polygon, 25832)
);
INSERT INTO buildings
SELECT i, CASE WHEN i % 3 = 0 THEN 'private' ELSE 'municipal' END || ' building ' || i,
       CASE WHEN i % 3 = 0 THEN 'private' ELSE 'municipal' END, date '2000-01-01' + i * 30,
       ST_MakeEnvelope(440000 + (i % 10) * 40, 5760000 + (i / 10) * 40,
                       440000 + (i % 10) * 40 + 25, 5760000 + (i / 10) * 40 + 25, 25832)
FROM generate_series(1, 60) AS i;
INSERT INTO buildings VALUES (100, 'private estate', 'private', date '1850-06-01',
  ST_Transform(ST_MakeEnvelope(15.5, 47.8, 15.5006, 47.8004, 4326), 25832));
-- the extent of the whole table is then read from the index's root
CREATE INDEX ON buildings USING gist (geom);

-- the rows the public sees, alone in a table without index, whose extent is read exactly from every geometry
CREATE TABLE municipal_buildings AS SELECT * FROM buildings WHERE owner_type = 'municipal';
ALTER TABLE municipal_buildings ADD PRIMARY KEY (id);

ANALYZE;
