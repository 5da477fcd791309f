package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.cql2.Cql2Exception;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.error.InvalidParameterException;

/**
 * {@code filter} with {@code filter-lang} and {@code filter-crs} (OGC 19-079r2): CQL2 text or JSON, parsed into one
 * expression and checked against the collection's queryables, so that a bad filter is a 400 naming the position
 * of the problem, never a database error.
 */
final class FilterParameter {

  static final String FILTER = "filter";
  static final String LANGUAGE = "filter-lang";
  static final String CRS = "filter-crs";

  private FilterParameter() {}

  static Filter parse(String text, String language, String crs, Queryables queryables) {
    if (crs != null && Crs.parse(crs).filter(Crs.CRS84::equals).isEmpty()) {
      throw new InvalidParameterException(CRS, "filters take CRS84 coordinates only: " + Crs.CRS84.uri());
    }
    try {
      Expression expression = switch (language == null ? "cql2-text" : language) {
        // cql-text is the draft's name, kept because GDAL's OAPIF driver pushes -where filters to a server only
        // when the OpenAPI document offers it; what GDAL writes under that name is CQL2 text
        case "cql2-text", "cql-text" -> Cql2TextParser.parse(text);
        case "cql2-json" -> Cql2JsonParser.parse(text);
        default -> throw new InvalidParameterException(LANGUAGE, "'" + language + "' is not cql2-text or cql2-json");
      };
      new Cql2Validator(queryables).validate(expression);
      return new Filter(expression, queryables);
    } catch (Cql2Exception e) {
      throw new InvalidParameterException(FILTER, e.getMessage());
    }
  }
}
