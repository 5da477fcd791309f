-- Ceiling for GET /collections/buildings/tiles/WebMercatorQuad/{z}/{y}/{x}: the statement the server runs
-- (PostgisSql.tile), with the same binds: layer name and feature id column, simplification tolerance (one tile
-- unit), the tile (ST_TileEnvelope) and the buffered tile's CRS84 window near the data with its densification
-- step. The tile (z, x, y, window, tolerance) is set by the header that bench.py generates. Output: the MVT bytes.
SELECT ST_AsMVT(mvt, CAST('buildings' AS text), 4096, '__urbis_tile_geometry', CAST('id' AS text))
FROM (SELECT t."id", t."height_m"::float8 AS "height_m", t."storeys" AS "storeys", t."year_built" AS "year_built",
             t."function" AS "function", t."heat_demand_kwh_a"::float8 AS "heat_demand_kwh_a", t."name" AS "name",
             ST_AsMVTGeom(ST_Simplify(ST_Transform(t."geom", 3857), :tol), ST_TileEnvelope(:z, :x, :y), 4096, 256,
                          true) AS __urbis_tile_geometry
      FROM "public"."buildings" t
      WHERE t."geom" && (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(:minlon, :minlat, :maxlon, :maxlat, 4326),
                                                            :seg), 25832))) mvt
WHERE __urbis_tile_geometry IS NOT NULL;
