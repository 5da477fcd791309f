package io.urbis.cql2.ast;

import java.util.Locale;
import java.util.Set;

/** The identifier characters of the CQL2-text BNF ({@code identifierStart}, {@code identifierPart}), and keywords. */
public final class Identifiers {

  /** Words that start a CQL2-text construct, so a function cannot be called that. */
  private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE",
      "FALSE", "DIV", "CASEI", "ACCENTI", "DATE", "TIMESTAMP", "INTERVAL", "BBOX", "POINT", "LINESTRING", "POLYGON",
      "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

  private Identifiers() {}

  public static boolean isStart(int c) {
    return c == ':' || c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0xC0 && c <= 0xD6
        || c >= 0xD8 && c <= 0xF6 || c >= 0xF8 && c <= 0x2FF || c >= 0x370 && c <= 0x37D || c >= 0x37F && c <= 0x1FFE
        || c >= 0x200C && c <= 0x200D || c >= 0x2070 && c <= 0x218F || c >= 0x2C00 && c <= 0x2FEF
        || c >= 0x3001 && c <= 0xD7FF || c >= 0xF900 && c <= 0xFDCF || c >= 0xFDF0 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0xEFFFF;
  }

  public static boolean isPart(int c) {
    return isStart(c) || c == '.' || c >= '0' && c <= '9' || c >= 0x300 && c <= 0x36F || c == 0x203F || c == 0x2040;
  }

  /** Whether {@code name} can be written unquoted as a CQL2-text function name. */
  public static boolean isFunctionName(String name) {
    if (name.isEmpty() || !isStart(name.codePointAt(0)) || !name.codePoints().allMatch(Identifiers::isPart)) {
      return false;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return !KEYWORDS.contains(upper) && !isBuiltInFunction(upper);
  }

  private static boolean isBuiltInFunction(String upper) {
    return NamedOperator.find(SpatialOperator.class, upper).isPresent()
        || NamedOperator.find(TemporalOperator.class, upper).isPresent()
        || NamedOperator.find(ArrayOperator.class, upper).isPresent();
  }
}
