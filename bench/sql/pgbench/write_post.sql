-- Ceiling for POST /collections/edits/items: what the server sends PostgreSQL for one new building, in one
-- transaction (PostgisEditor.create, statements as its DEBUG log shows them): the INSERT returning the new id, the
-- feature's version (the MD5 of its properties object and EWKB) and the row as JSON, then the audit row with that JSON,
-- asking for the statistics to be flushed at commit. The server's geometry arrives as EWKB, already in EPSG:25832;
-- here a rectangle of 7 x 11 m made in place. Audit rows name the caller pgbench (bench.py counts the server's apart).
\set x random(435000, 444990)
\set y random(5755000, 5764990)
\set s random(1, 8)
BEGIN;
INSERT INTO "public"."edits" AS t ("geom", "year_built", "name", "height_m", "function", "storeys") VALUES (ST_MakeEnvelope(:x, :y, :x + 7, :y + 11, 25832), 1950 + :s, 'Neubau pgbench', 3 * :s + 1.5, 'residential', :s) RETURNING CAST(t."id" AS text) AS fid, md5(convert_to(('{"height_m":' || coalesce(to_json(t."height_m")::text, 'null') || ',"storeys":' || coalesce(to_json(t."storeys")::text, 'null') || ',"year_built":' || coalesce(to_json(t."year_built")::text, 'null') || ',"function":' || coalesce(to_json(t."function")::text, 'null') || ',"heat_demand_kwh_a":' || coalesce(to_json(t."heat_demand_kwh_a")::text, 'null') || ',"name":' || coalesce(to_json(t."name")::text, 'null') || '}'), 'UTF8') || coalesce(ST_AsEWKB(t."geom"::geometry), ''::bytea)) AS version, to_jsonb(t)::text AS after, true AS inside \gset
WITH flushed AS (SELECT pg_stat_force_next_flush()) INSERT INTO "public"."urbis_audit" (caller, collection, feature_id, operation, before, after) SELECT 'pgbench', 'edits', :fid, 'create', CAST(NULL AS jsonb), CAST(:after AS jsonb) FROM flushed;
COMMIT;
