package io.urbis.crs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Which EPSG CRSs are geographic and which name the northing (or latitude) first, as the EPSG registry defines
 * them. OGC API - Features Part 2 writes coordinates in that order; PostGIS and proj4j work east/lon first.
 */
final class EpsgAxes {

  private static final BitSet GEOGRAPHIC = new BitSet();
  private static final BitSet NORTH_FIRST = new BitSet();

  static {
    try (InputStream in = EpsgAxes.class.getResourceAsStream("epsg-axes.txt");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("geographic ")) {
          addRanges(GEOGRAPHIC, line.substring("geographic ".length()));
        } else if (line.startsWith("north-first ")) {
          addRanges(NORTH_FIRST, line.substring("north-first ".length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EpsgAxes() {}

  static boolean isGeographic(int code) {
    return code >= 0 && GEOGRAPHIC.get(code);
  }

  static boolean isNorthFirst(int code) {
    return code >= 0 && NORTH_FIRST.get(code);
  }

  private static void addRanges(BitSet set, String ranges) {
    for (String range : ranges.trim().split(" ")) {
      int dash = range.indexOf('-');
      if (dash < 0) {
        set.set(Integer.parseInt(range));
      } else {
        set.set(Integer.parseInt(range.substring(0, dash)), Integer.parseInt(range.substring(dash + 1)) + 1);
      }
    }
  }
}
