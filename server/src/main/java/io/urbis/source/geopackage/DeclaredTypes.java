package io.urbis.source.geopackage;

import io.urbis.catalog.JsonType;
import java.util.Locale;
import java.util.Set;

/** Maps the declared column types of GeoPackage feature tables (2.1.6.1.1) to JSON types. */
final class DeclaredTypes {

  private static final Set<String> INTEGERS = Set.of("INTEGER", "INT", "SMALLINT", "MEDIUMINT", "BIGINT", "TINYINT");
  private static final Set<String> NUMBERS = Set.of("REAL", "DOUBLE", "FLOAT", "DOUBLE PRECISION");

  private DeclaredTypes() {}

  /** The JSON type of a declared type such as "TEXT(50)" or "MEDIUMINT"; anything unknown is a string. */
  static JsonType jsonType(String declared) {
    String base = baseType(declared);
    if (INTEGERS.contains(base)) {
      return JsonType.INTEGER;
    }
    if (NUMBERS.contains(base)) {
      return JsonType.NUMBER;
    }
    return switch (base) {
      case "BOOLEAN" -> JsonType.BOOLEAN;
      case "DATE" -> JsonType.DATE;
      case "DATETIME" -> JsonType.DATE_TIME;
      default -> JsonType.STRING;
    };
  }

  /** The type name without a length ("TEXT(50)" is TEXT), upper case. */
  static String baseType(String declared) {
    if (declared == null) {
      return "";
    }
    int parenthesis = declared.indexOf('(');
    String name = parenthesis < 0 ? declared : declared.substring(0, parenthesis);
    return name.trim().toUpperCase(Locale.ROOT);
  }
}
