package io.urbis.cql2;

/** The data types OGC API - Features Part 3 gives queryables, as far as filters care. */
public enum QueryableType {
  STRING,
  NUMBER,
  INTEGER,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  GEOMETRY,
  ARRAY
}
