-- Ceiling for PATCH /collections/edits/items/{id} (height_m): what the server sends PostgreSQL for one JSON Merge Patch
-- with If-Match, in one transaction (PostgisEditor.update, statements as its DEBUG log shows them): the row locked with
-- its version and JSON (the server compares the version with If-Match), the UPDATE returning the new version and JSON,
-- then the audit row with both, asking for the statistics to be flushed at commit. The feature is first + stride * k
-- for k uniform in 0..count-1 (-D first, stride, count: the features of the Urbis run). Audit rows name the caller
-- pgbench (bench.py counts the server's apart).
\set k random(0, :count - 1)
\set id :first + :stride * :k
\set h random(30, 429) / 10.0
BEGIN;
SELECT md5(convert_to(('{"height_m":' || coalesce(to_json(t."height_m")::text, 'null') || ',"storeys":' || coalesce(to_json(t."storeys")::text, 'null') || ',"year_built":' || coalesce(to_json(t."year_built")::text, 'null') || ',"function":' || coalesce(to_json(t."function")::text, 'null') || ',"heat_demand_kwh_a":' || coalesce(to_json(t."heat_demand_kwh_a")::text, 'null') || ',"name":' || coalesce(to_json(t."name")::text, 'null') || '}'), 'UTF8') || coalesce(ST_AsEWKB(t."geom"::geometry), ''::bytea)) AS version, to_jsonb(t)::text AS before FROM "public"."edits" t WHERE t."id" = CAST(:id AS integer) FOR UPDATE \gset
UPDATE "public"."edits" AS t SET "height_m" = :h WHERE t."id" = CAST(:id AS integer) RETURNING md5(convert_to(('{"height_m":' || coalesce(to_json(t."height_m")::text, 'null') || ',"storeys":' || coalesce(to_json(t."storeys")::text, 'null') || ',"year_built":' || coalesce(to_json(t."year_built")::text, 'null') || ',"function":' || coalesce(to_json(t."function")::text, 'null') || ',"heat_demand_kwh_a":' || coalesce(to_json(t."heat_demand_kwh_a")::text, 'null') || ',"name":' || coalesce(to_json(t."name")::text, 'null') || '}'), 'UTF8') || coalesce(ST_AsEWKB(t."geom"::geometry), ''::bytea)) AS version, to_jsonb(t)::text AS after, true AS inside \gset
WITH flushed AS (SELECT pg_stat_force_next_flush()) INSERT INTO "public"."urbis_audit" (caller, collection, feature_id, operation, before, after) SELECT 'pgbench', 'edits', :id, 'update', CAST(:before AS jsonb), CAST(:after AS jsonb) FROM flushed;
COMMIT;
