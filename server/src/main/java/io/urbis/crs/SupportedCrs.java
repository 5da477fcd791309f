package io.urbis.crs;

import java.util.ArrayList;
import java.util.List;

/**
 * The CRSs every collection can be served in (OGC API - Features Part 2): CRS84 first, then the usual systems of
 * German municipal data, then the collection's own storage CRS.
 */
public final class SupportedCrs {

  public static final List<Crs> SERVER_DEFAULTS = List.of(Crs.CRS84, Crs.epsg(4326), Crs.epsg(3857),
      Crs.epsg(25832), Crs.epsg(25833), Crs.epsg(31467), Crs.epsg(4258));

  private SupportedCrs() {}

  /** The server defaults plus the storage CRS, without repeats. */
  public static List<Crs> forStorage(int srid) {
    List<Crs> all = new ArrayList<>(SERVER_DEFAULTS);
    Crs storage = Crs.ofStorage(srid);
    if (!all.contains(storage)) {
      all.add(storage);
    }
    return List.copyOf(all);
  }
}
