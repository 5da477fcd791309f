-- Every table and view with a geometry column in the published schemas, one row per table (its first geometry
-- column), with what discovery needs to publish it. spatial_index: the table (or materialized view) has a GiST index
-- on the geometry column that covers every row (valid, not partial, and no partial or invalid one beside it, which
-- PostGIS might read instead), so the root of the index holds the extent.
SELECT DISTINCT ON (n.nspname, c.relname)
       c.oid::bigint AS table_oid,
       n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind::text AS kind,
       g.f_geometry_column AS geometry_column,
       g.type AS geometry_type,
       g.srid AS srid,
       g.coord_dimension AS dimensions,
       c.relkind IN ('r', 'm') AND coalesce((SELECT bool_and(i.indisvalid AND i.indpred IS NULL)
                                           FROM pg_index i
                                           JOIN pg_class ic ON ic.oid = i.indexrelid
                                           JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'gist'
                                           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                                           WHERE i.indrelid = c.oid AND a.attname = g.f_geometry_column), false)
         AS spatial_index,
       obj_description(c.oid, 'pg_class') AS description
FROM geometry_columns g
JOIN pg_namespace n ON n.nspname = g.f_table_schema
JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = g.f_table_name
WHERE n.nspname = ANY (CASE WHEN cardinality(?::text[]) = 0 THEN current_schemas(false) ELSE ?::text[] END)
  AND has_table_privilege(c.oid, 'SELECT')
ORDER BY n.nspname, c.relname, g.f_geometry_column
