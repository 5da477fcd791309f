package io.urbis.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRSs collections are served in (OGC API - Features Part 2), and which of them a collection offers: CRS84 first,
 * then those of the usual systems of German municipal data in which all of the collection's data can be written,
 * then the collection's own storage CRS.
 *
 * <p>A CRS can be offered where its area of use, as the EPSG registry gives it, widened by {@link #MARGIN_DEGREES},
 * holds the data's extent. Far outside it a projection fails (transverse Mercator 90° from its central meridian,
 * Web Mercator at the poles) or yields numbers that mean nothing (proj4j's transverse Mercator series diverge), and
 * PostGIS and GeoPackages would disagree; within it, every coordinate comes out right in both.
 */
public final class SupportedCrs {

  /**
   * How far a regional area of use is widened, in degrees on every side: half a UTM zone. In practice a zone is used
   * well beyond its 6° strip so that one territory keeps one system: Bavaria maps its whole area in UTM 32N (the 9°
   * meridian is its central meridian by regulation) up to 13.8°E, 1.8° east of the zone, Saxony-Anhalt and
   * Thuringia likewise; Mecklenburg-Western Pomerania uses UTM 33N from 10.6°E, 1.4° west of its zone; a city on a
   * zone boundary (Halle, 11.9-12.1°E) is mapped in either. Gauss-Krueger's 3° strips were used beyond their edges
   * the same way (a state or a city kept one strip). Three degrees beyond a UTM zone's edge, 6° from its central
   * meridian, the scale error at 50°N is 0.19 % and PROJ and proj4j still agree to 0.1 mm. World-wide areas (the
   * geographic CRSs of WGS 84, Web Mercator's ±85.06°) are not widened: their bounds are where the CRS ends.
   */
  static final double MARGIN_DEGREES = 3;

  /** What collections may be offered in besides CRS84 and their storage CRS: WGS 84 and the usual German systems. */
  private static final List<Crs> OFFERED = List.of(Crs.epsg(4326), Crs.epsg(3857), Crs.epsg(25832), Crs.epsg(25833),
      Crs.epsg(31467), Crs.epsg(4258));

  /**
   * The areas of use of the offered CRSs and of the tile matrix sets' own (UTM32WGS84Quad's EPSG:32632), by EPSG code,
   * from the EPSG dataset as PROJ 9.1 holds it: {@code projinfo EPSG:25832 -o WKT2:2019}, the BBOX of its USAGE
   * (south, west, north, east).
   */
  private static final Map<Integer, LonLatBox> AREAS_OF_USE = Map.of(
      4326, LonLatBox.WORLD,
      3857, new LonLatBox(-180, -85.06, 180, 85.06),
      25832, new LonLatBox(6, 38.76, 12.01, 84.33),
      25833, new LonLatBox(12, 46.4, 18.01, 84.42),
      31467, new LonLatBox(7.5, 47.27, 10.51, 55.09),
      4258, new LonLatBox(-16.1, 32.88, 40.18, 84.73),
      32632, new LonLatBox(6, 0, 12, 84));

  private SupportedCrs() {}

  /**
   * The CRSs data stored in {@code storageSrid} is offered in, without repeats: CRS84, the supported CRSs whose
   * usable area holds its CRS84 {@code extent} (all of them when it is null: no geometries to write), and the storage
   * CRS.
   */
  public static List<Crs> forData(int storageSrid, LonLatBox extent) {
    List<Crs> offered = new ArrayList<>(List.of(Crs.CRS84));
    for (Crs candidate : OFFERED) {
      if (extent == null || usableArea(candidate.srid()).orElseThrow().contains(extent)) {
        offered.add(candidate);
      }
    }
    Crs storage = Crs.ofStorage(storageSrid);
    if (!offered.contains(storage)) {
      offered.add(storage);
    }
    return List.copyOf(offered);
  }

  /**
   * Where coordinates of the EPSG CRS {@code srid} can be used: its area of use, widened by {@link #MARGIN_DEGREES}
   * unless it spans the world; empty for a CRS whose area Urbis does not know.
   */
  public static Optional<LonLatBox> usableArea(int srid) {
    return Optional.ofNullable(AREAS_OF_USE.get(srid))
        .map(area -> area.aroundTheWorld() ? area : area.widenedBy(MARGIN_DEGREES));
  }
}
