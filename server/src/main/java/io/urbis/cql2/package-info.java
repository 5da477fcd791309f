/**
 * OGC 21-065 CQL2 1.0 filters: parse, validate, compile to PostGIS SQL, or evaluate in memory.
 *
 * <pre>{@code
 * Expression filter = Cql2TextParser.parse(text);          // or Cql2JsonParser.parse(json)
 * filter = FilterCrs.apply(filter, crs);                    // geometry literals given in another CRS (filter-crs)
 * Queryables queryables = new Queryables(Map.of("name", STRING, "geom", GEOMETRY));
 * new Cql2Validator(queryables).validate(filter);           // optional: both backends validate too
 * CompiledSql where = new PostgisSqlCompiler(queryables, resolver).compile(filter);
 * boolean selected = new JtsFilterEvaluator(filter, queryables).matches(properties, geometryInThatCrs);
 * }</pre>
 *
 * Every problem with the client's filter is a {@link io.urbis.cql2.Cql2Exception} ({@link
 * io.urbis.cql2.Cql2SyntaxException} or {@link io.urbis.cql2.Cql2ValidationException}) whose message can be
 * returned in a 400 response; anything else is a bug.
 */
package io.urbis.cql2;
