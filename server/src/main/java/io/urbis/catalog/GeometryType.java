package io.urbis.catalog;

import java.util.Locale;

/** The simple-feature geometry types a collection may declare. */
public enum GeometryType {
  POINT,
  LINESTRING,
  POLYGON,
  MULTIPOINT,
  MULTILINESTRING,
  MULTIPOLYGON,
  GEOMETRYCOLLECTION,
  POLYHEDRALSURFACE,
  TIN,
  TRIANGLE,
  GEOMETRY;

  /** Parses a PostGIS or GeoPackage type name ("MULTIPOLYGON", "MultiPolygonZ", ...); unknown names are GEOMETRY. */
  public static GeometryType fromName(String name) {
    if (name == null) {
      return GEOMETRY;
    }
    String upper = name.toUpperCase(Locale.ROOT).replaceAll("(ZM|Z|M)$", "");
    for (GeometryType type : values()) {
      if (type.name().equals(upper)) {
        return type;
      }
    }
    return GEOMETRY;
  }
}
