package io.urbis.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A collection's extent: CRS84 boxes and Gregorian intervals, as OGC 17-069r4 (7.14) encodes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Extent(Spatial spatial, Temporal temporal) {

  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
  private static final int DECIMALS = 7;

  public record Spatial(List<double[]> bbox, String crs) {}

  public record Temporal(List<String[]> interval, String trs) {}

  /** The extent document, or null when nothing is known. */
  public static Extent of(SpatialExtent spatial, TemporalExtent temporal) {
    if (spatial == null && temporal == null) {
      return null;
    }
    Spatial box = spatial == null ? null : new Spatial(List.of(outwards(spatial)), CRS84);
    Temporal time = temporal == null ? null : new Temporal(
        List.<String[]>of(new String[] {text(temporal.start()), text(temporal.end())}), GREGORIAN);
    return new Extent(box, time);
  }

  /**
   * The box in 7 decimals (1 cm), rounded outwards so that it still holds every feature: a client that asks for the
   * features in this box (as the OGC test suite does, writing 7 decimals) gets them all, and a numberMatched.
   */
  private static double[] outwards(SpatialExtent spatial) {
    return new double[] {decimals(spatial.minLon(), RoundingMode.FLOOR), decimals(spatial.minLat(), RoundingMode.FLOOR),
        decimals(spatial.maxLon(), RoundingMode.CEILING), decimals(spatial.maxLat(), RoundingMode.CEILING)};
  }

  /**
   * {@code value} rounded in {@code direction} from the shortest decimal that reads back as it (51.2 stays 51.2):
   * that decimal reads back as {@code value}, so the rounded one reads back on the right side of it.
   */
  private static double decimals(double value, RoundingMode direction) {
    return BigDecimal.valueOf(value).setScale(DECIMALS, direction).doubleValue();
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
