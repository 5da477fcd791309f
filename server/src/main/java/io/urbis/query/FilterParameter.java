package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.cql2.Cql2Exception;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.FilterCrs;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.cql2.text.DraftCqlText;
import io.urbis.error.InvalidParameterException;
import java.util.List;

/**
 * {@code filter} with {@code filter-lang} and {@code filter-crs} (OGC 19-079r2): CQL2 text or JSON, parsed into one
 * expression whose geometry literals are in the CRS {@code filter-crs} names (one of the collection's, as for
 * {@code bbox-crs}), and checked against the collection's queryables, so that a bad filter is a 400 naming the
 * position of the problem, never a database error.
 */
final class FilterParameter {

  static final String FILTER = "filter";
  static final String LANGUAGE = "filter-lang";
  static final String CRS = CrsParameter.FILTER_CRS;

  private FilterParameter() {}

  /** {@code supported}: the CRSs of the collection, in which {@code filter-crs} may give the geometry literals. */
  static Filter parse(String text, String language, String crsText, List<Crs> supported, Queryables queryables) {
    Crs crs = crsText == null ? Crs.CRS84 : new CrsParameter(CRS, supported).parse(crsText);
    try {
      Expression expression = switch (language == null ? "cql2-text" : language) {
        case "cql2-text" -> Cql2TextParser.parse(text);
        // the draft's name, kept because GDAL's OAPIF driver pushes -where filters to a server only when the OpenAPI
        // document offers it; GDAL then writes draft forms (ILIKE, instants as strings), read into CQL2 here only
        case "cql-text" -> DraftCqlText.parse(text, queryables);
        case "cql2-json" -> Cql2JsonParser.parse(text);
        default -> throw new InvalidParameterException(LANGUAGE, "'" + language + "' is not cql2-text or cql2-json");
      };
      Expression inCrs = FilterCrs.apply(expression, crs);
      new Cql2Validator(queryables).validate(inCrs);
      return new Filter(inCrs, queryables, crs);
    } catch (Cql2Exception e) {
      throw new InvalidParameterException(FILTER, e.getMessage());
    }
  }
}
