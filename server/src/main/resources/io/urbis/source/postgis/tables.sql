-- Every table and view with a geometry column in the published schemas, one row per table (its first geometry
-- column), with what discovery needs to publish it cheaply: the row estimate decides exact or estimated extents.
SELECT DISTINCT ON (n.nspname, c.relname)
       c.oid::bigint AS table_oid,
       n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind::text AS kind,
       g.f_geometry_column AS geometry_column,
       g.type AS geometry_type,
       g.srid AS srid,
       g.coord_dimension AS dimensions,
       GREATEST(c.reltuples, 0)::bigint AS estimated_rows,
       obj_description(c.oid, 'pg_class') AS description
FROM geometry_columns g
JOIN pg_namespace n ON n.nspname = g.f_table_schema
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name
WHERE n.nspname = ANY (CASE WHEN cardinality(?::text[]) = 0 THEN current_schemas(false) ELSE ?::text[] END)
  AND has_table_privilege(c.oid, 'SELECT')
ORDER BY n.nspname, c.relname, g.f_geometry_column
