package io.urbis.cql2.text;

import io.urbis.cql2.ast.GeometryLiteral;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.AssertionFailedException;

/**
 * Geometry literals: collects the tokens of one WKT geometry (case-insensitive keywords, optional {@code Z}) and
 * hands them to JTS's {@link WKTReader}. Only numbers, signs, commas, parentheses and WKT keywords may appear, so
 * nothing else (such as the {@code NaN} WKTReader would accept) reaches it. WKTReader's complaints, including the
 * assertion it raises for a point with too many coordinates, become syntax errors.
 */
final class WktLiteralReader {

  private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
      "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
  private static final Set<String> MODIFIERS = Set.of("Z", "EMPTY");

  /** Parentheses a CQL2 geometry can need: a polygon ring inside a multipolygon inside a collection. */
  private static final int MAX_PARENTHESES = 4;

  private WktLiteralReader() {}

  static boolean startsGeometry(Token keyword, Token next) {
    return GEOMETRY_TYPES.contains(keyword.text().toUpperCase(Locale.ROOT))
        && (next.isSymbol("(") || MODIFIERS.stream().anyMatch(next::isKeyword));
  }

  /** Reads the geometry whose type keyword has just been consumed. */
  static GeometryLiteral read(TokenStream tokens, Token keyword) {
    StringBuilder wkt = new StringBuilder(keyword.text().toUpperCase(Locale.ROOT));
    int open = 0;
    boolean afterSign = false;
    do {
      Token token = tokens.next();
      requireWktToken(tokens, token, open);
      open += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
      if (open > MAX_PARENTHESES) {
        throw tokens.error(token, "the geometry is nested too deeply");
      }
      wkt.append(afterSign ? "" : " ").append(token.text().toUpperCase(Locale.ROOT));
      afterSign = token.isSymbol("-") || token.isSymbol("+");
      if (open == 0 && (token.isSymbol(")") || token.isKeyword("EMPTY"))) {
        return geometry(tokens, keyword, wkt.toString());
      }
    } while (true);
  }

  private static void requireWktToken(TokenStream tokens, Token token, int open) {
    boolean allowed = switch (token.kind()) {
      case NUMBER -> open > 0;
      case SYMBOL -> token.isSymbol("(") || open > 0 && ",)-+".contains(token.text());
      case IDENTIFIER -> MODIFIERS.contains(token.text().toUpperCase(Locale.ROOT))
          || open > 0 && GEOMETRY_TYPES.contains(token.text().toUpperCase(Locale.ROOT));
      default -> false;
    };
    if (!allowed) {
      throw tokens.error(token, "unexpected " + token.display() + " in a geometry literal");
    }
  }

  private static GeometryLiteral geometry(TokenStream tokens, Token keyword, String wkt) {
    try {
      Geometry geometry = new WKTReader().read(wkt);
      return new GeometryLiteral(geometry);
    } catch (ParseException | IllegalArgumentException | AssertionFailedException e) {
      String reason = String.valueOf(e.getMessage()).replace(" (line 1)", "");
      throw tokens.error(keyword, "invalid " + keyword.text().toUpperCase(Locale.ROOT) + " literal: " + reason);
    }
  }
}
