package io.urbis.crs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system as OGC API - Features Part 2 names it (a URI), with what Urbis needs to write
 * coordinates in it: the EPSG code to transform with, and the axis order the CRS defines.
 *
 * @param uri the OGC URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/25832}
 * @param srid the EPSG code PostGIS and proj4j transform with (4326 for CRS84)
 * @param geographic whether coordinates are angles (longitude/latitude) rather than metres
 * @param northFirst whether the CRS names northing or latitude first, so output swaps the axes
 */
public record Crs(String uri, int srid, boolean geographic, boolean northFirst) {

  private static final String OGC = "http://www.opengis.net/def/crs/";
  public static final Crs CRS84 = new Crs(OGC + "OGC/1.3/CRS84", 4326, true, false);

  private static final Pattern EPSG_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/EPSG/0/(\\d{1,9})");
  private static final Pattern EPSG_CURIE = Pattern.compile("\\[?EPSG:(\\d{1,9})]?");
  private static final Pattern CRS84_NAME =
      Pattern.compile("https?://www\\.opengis\\.net/def/crs/OGC/1\\.3/CRS84|\\[?OGC:CRS84]?");

  /** The EPSG CRS of that code, with its axes as the registry defines them. */
  public static Crs epsg(int code) {
    return new Crs(OGC + "EPSG/0/" + code, code, EpsgAxes.isGeographic(code), EpsgAxes.isNorthFirst(code));
  }

  /** The CRS data stored with this SRID is served in: lon/lat data (4326, or unknown 0) is CRS84 in practice. */
  public static Crs ofStorage(int srid) {
    return srid == 4326 || srid <= 0 ? CRS84 : epsg(srid);
  }

  /** Reads a CRS URI or safe CURIE ({@code [EPSG:25832]}); empty when it names no CRS Urbis knows how to name. */
  public static Optional<Crs> parse(String text) {
    String trimmed = text.trim();
    if (CRS84_NAME.matcher(trimmed).matches()) {
      return Optional.of(CRS84);
    }
    for (Pattern pattern : new Pattern[] {EPSG_URI, EPSG_CURIE}) {
      Matcher matcher = pattern.matcher(trimmed);
      if (matcher.matches()) {
        return Optional.of(epsg(Integer.parseInt(matcher.group(1))));
      }
    }
    return Optional.empty();
  }

  /** Decimals that keep about a millimetre: eight for degrees (or as configured), three for metres. */
  public int decimals(int geographicDecimals) {
    return geographic ? geographicDecimals : 3;
  }
}
