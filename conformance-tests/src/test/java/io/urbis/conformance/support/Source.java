package io.urbis.conformance.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of source the suite runs every {@link UrbisTest} class against. Both hold the same features: the
 * GeoPackage is exported from the fixture database ({@link FixtureGeoPackage}), so {@link Truth} (PostGIS) is the
 * truth for both. {@code -Durbis.sources=postgis} (or {@code geopackage}) runs one of them only.
 */
public enum Source {
  /** The fixture database, served as {@code postgresql://...}. */
  POSTGIS,
  /** {@code target/fixture.gpkg}, served as a file. */
  GEOPACKAGE;

  public static final String PROPERTY = "urbis.sources";

  /** The sources of this run: {@value #PROPERTY}, comma-separated, default all. */
  public static List<Source> selected() {
    String listed = System.getProperty(PROPERTY, "");
    if (listed.isBlank()) {
      return List.of(values());
    }
    return Arrays.stream(listed.split(",")).map(String::trim).filter(name -> !name.isEmpty())
        .map(name -> valueOf(name.toUpperCase(Locale.ROOT))).distinct().toList();
  }

  /**
   * Whether feature ids may be text. A GeoPackage feature table has an INTEGER primary key, so there poi's text keys
   * are an ordinary property and its feature ids are integers ({@link Layer#keyOf}).
   */
  public boolean keepsTextKeys() {
    return this == POSTGIS;
  }

  /** {@code [postgis]} or {@code [geopackage]}: how reports name the source. */
  public String label() {
    return "[" + this + "]";
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
