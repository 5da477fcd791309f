package io.urbis.importer;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRS a city model names, as PostGIS stores it: the horizontal EPSG code becomes the SRID; the vertical code
 * of a compound CRS (heights) cannot be an SRID, so it is kept aside and recorded with the table.
 *
 * @param srid the horizontal (or 3D geographic) EPSG code
 * @param verticalEpsg the EPSG code of the heights, or null when the CRS names none
 */
public record SourceCrs(int srid, Integer verticalEpsg) {

  private static final Pattern EPSG_CODE =
      Pattern.compile("(?:https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/|EPSG:[^:/]*:|EPSG:)(\\d{1,9})");
  /** {@code EPSG:25832+7837}, the short form GDAL and many CityJSON files use for compound CRSs. */
  private static final Pattern PLUS_COMPOUND = Pattern.compile("EPSG:(\\d{1,9})\\+(\\d{1,9})");
  /** German surveying (AdV) CRS names: {@code urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016}. */
  private static final Pattern ADV = Pattern.compile("urn:adv:crs:([A-Za-z0-9_]+)(?:\\*([A-Za-z0-9_]+))?(?:\\*.*)?");
  private static final Map<String, Integer> ADV_HORIZONTAL = Map.of("ETRS89_UTM32", 25832, "ETRS89_UTM33", 25833,
      "DE_DHDN_3GK2", 31466, "DE_DHDN_3GK3", 31467, "DE_DHDN_3GK4", 31468, "ETRS89_Lat-Lon", 4258);
  private static final Map<String, Integer> ADV_VERTICAL = Map.of("DE_DHHN2016_NH", 7837, "DE_DHHN92_NH", 5783,
      "DE_DHHN12_NOH", 5784);

  /**
   * Reads an EPSG URI or URN, a CURIE, an OGC compound URI or URN ({@code crs-compound?1=...&2=...},
   * {@code urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837}), {@code EPSG:h+v} or an AdV name; empty when the text
   * names no CRS this importer can give an SRID.
   */
  public static Optional<SourceCrs> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    Matcher plus = PLUS_COMPOUND.matcher(trimmed);
    if (plus.matches()) {
      return Optional.of(new SourceCrs(Integer.parseInt(plus.group(1)), Integer.parseInt(plus.group(2))));
    }
    Matcher adv = ADV.matcher(trimmed);
    if (adv.matches()) {
      Integer horizontal = ADV_HORIZONTAL.get(adv.group(1));
      return horizontal == null ? Optional.empty()
          : Optional.of(new SourceCrs(horizontal, adv.group(2) == null ? null : ADV_VERTICAL.get(adv.group(2))));
    }
    // single and compound URIs alike: the first code is horizontal, a second one the heights
    Matcher codes = EPSG_CODE.matcher(trimmed);
    if (!codes.find()) {
      return Optional.empty();
    }
    int srid = Integer.parseInt(codes.group(1));
    Integer vertical = codes.find() ? Integer.valueOf(codes.group(1)) : null;
    return Optional.of(new SourceCrs(srid, vertical));
  }

  /** How the summary and the table comment name it: {@code EPSG:25832+7837}. */
  public String label() {
    return "EPSG:" + srid + (verticalEpsg == null ? "" : "+" + verticalEpsg);
  }
}
