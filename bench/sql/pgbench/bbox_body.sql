-- Ceiling for GET /collections/buildings/items?bbox=MINLON,MINLAT,MAXLON,MAXLAT&limit=1000
-- (one of the 200 windows of bench.windows, set by the header that bench.py generates; no next page: each
-- window holds fewer than 1000 buildings)
-- PostGIS alone builds the same GeoJSON document as the server: same features (CRS84 geometry at the configured decimals,
-- same properties), numberReturned, timeStamp and links, in the same member order. Built as text with one
-- concat() per document and per feature: the cheapest way found to make this JSON in PostgreSQL
-- (json_build_object per feature costs about 2 µs more per feature; chained || on the large document copies it
-- once per operator).
SELECT concat('{"type":"FeatureCollection","features":[', string_agg(
         concat('{"type":"Feature","id":', id,
           ',"geometry":', ST_AsGeoJSON(ST_Transform(geom, 4326), CAST(:prec AS integer)),
           ',"properties":{"height_m":', coalesce(height_m::text, 'null'),
           ',"storeys":', coalesce(storeys::text, 'null'),
           ',"year_built":', coalesce(year_built::text, 'null'),
           ',"function":', coalesce(to_json(function)::text, 'null'),
           ',"heat_demand_kwh_a":', coalesce(heat_demand_kwh_a::text, 'null'),
           ',"name":', coalesce(to_json(name)::text, 'null'), '}}'), ','),
    '],"numberReturned":', count(*),
    ',"timeStamp":', rtrim(to_json(date_trunc('second', now() AT TIME ZONE 'UTC'))::text, '"'), 'Z"',
    ',"links":[', '{"href":"', CAST(:base AS text), '/collections/buildings/items?bbox=', CAST(:minlon AS text), ',', CAST(:minlat AS text), ',', CAST(:maxlon AS text), ',', CAST(:maxlat AS text), '&f=json&limit=1000', '","rel":"self","type":"application/geo+json","title":"This document"}', ',', '{"href":"', CAST(:base AS text), '/collections/buildings/items?bbox=', CAST(:minlon AS text), ',', CAST(:minlat AS text), ',', CAST(:maxlon AS text), ',', CAST(:maxlat AS text), '&f=html&limit=1000', '","rel":"alternate","type":"text/html","title":"This document as HTML"}', ',', '{"href":"', CAST(:base AS text), '/collections/buildings?f=json', '","rel":"collection","type":"application/json","title":"buildings"}', ']}')
FROM (SELECT id, height_m, storeys, year_built, function, heat_demand_kwh_a, name, geom
      FROM public.buildings
      WHERE geom && ST_Transform(ST_MakeEnvelope(:minlon, :minlat, :maxlon, :maxlat, 4326), 25832)
        AND ST_Intersects(geom, ST_Transform(ST_MakeEnvelope(:minlon, :minlat, :maxlon, :maxlat, 4326), 25832))
      ORDER BY id LIMIT 1000) t;
