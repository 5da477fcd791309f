package io.urbis.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import java.util.Arrays;
import java.util.List;

/** A collection's extent: CRS84 boxes and Gregorian intervals, as OGC 17-069r4 (7.14) encodes them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Extent(Spatial spatial, Temporal temporal) {

  public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  public static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

  public record Spatial(List<double[]> bbox, String crs) {}

  public record Temporal(List<String[]> interval, String trs) {}

  /** The extent document, or null when nothing is known. */
  public static Extent of(SpatialExtent spatial, TemporalExtent temporal) {
    if (spatial == null && temporal == null) {
      return null;
    }
    Spatial box = spatial == null ? null : new Spatial(List.of(round(spatial.toArray())), CRS84);
    Temporal time = temporal == null ? null : new Temporal(
        List.<String[]>of(new String[] {text(temporal.start()), text(temporal.end())}), GREGORIAN);
    return new Extent(box, time);
  }

  private static double[] round(double[] values) {
    return Arrays.stream(values).map(v -> Math.round(v * 1e7) / 1e7).toArray();
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
