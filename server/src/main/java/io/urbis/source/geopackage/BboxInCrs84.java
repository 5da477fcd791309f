package io.urbis.source.geopackage;

import io.urbis.crs.Crs;
import io.urbis.query.Bbox;
import io.urbis.query.CrsParameter;
import org.locationtech.jts.geom.Envelope;

/**
 * A {@code bbox-crs} box as the CRS84 box that covers it (edges followed, as projections curve them): the
 * candidates for the R-tree. The exact test of a projected box then runs in its own CRS
 * ({@link BboxSelection#testedIn}).
 */
final class BboxInCrs84 {

  private BboxInCrs84() {}

  static Bbox of(Bbox bbox) {
    if (bbox.crs().srid() == Crs.CRS84.srid()) {
      return bbox.crs().equals(Crs.CRS84)
          ? bbox : new Bbox(bbox.minX(), bbox.minY(), bbox.maxX(), bbox.maxY(), Crs.CRS84, bbox.heights());
    }
    Envelope box = new Envelope(bbox.minX(), bbox.maxX(), bbox.minY(), bbox.maxY());
    Envelope crs84 = Crs84Reprojector.forSrid(bbox.crs().srid()).toCrs84(box);
    if (crs84 == null) {
      throw CrsParameter.outsideDomain(CrsParameter.BBOX_CRS, bbox.crs());
    }
    return new Bbox(crs84.getMinX(), crs84.getMinY(), crs84.getMaxX(), crs84.getMaxY(), Crs.CRS84, bbox.heights());
  }
}
