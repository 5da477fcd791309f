-- The columns of one table in order, with their base type name, whether the column alone is the primary key, and
-- whether it is declared NOT NULL.
SELECT a.attname AS column_name,
       a.attnotnull AS not_null,
       t.typname AS type_name,
       format_type(a.atttypid, a.atttypmod) AS sql_type,
       EXISTS (SELECT 1 FROM pg_index i
               WHERE i.indrelid = a.attrelid AND i.indisprimary AND i.indnatts = 1
                 AND i.indkey[0] = a.attnum) AS is_primary_key
FROM pg_attribute a
JOIN pg_type t ON t.oid = a.atttypid
WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
