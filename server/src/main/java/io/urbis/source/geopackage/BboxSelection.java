package io.urbis.source.geopackage;

import io.urbis.catalog.SpatialExtent;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.Bbox;
import io.urbis.query.CrsParameter;
import io.urbis.source.geopackage.GeoPackageExtents.TableExtent;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A {@code bbox} selection in two forms: windows in the storage CRS for the R-tree and a cheap envelope test, and
 * the exact CRS84 boxes that a feature's CRS84 geometry must intersect.
 *
 * <p>Before it is projected, the query box is clipped to the collection's (padded) extent: a projection is only
 * trustworthy near the data, and transforming a world-wide box into, say, UTM would yield meaningless windows.
 */
final class BboxSelection {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  private static final double MIN_PADDING_DEGREES = 0.01;

  /** Polygons, or lines and points where a box has no width or height. */
  private final List<Geometry> crs84Boxes = new ArrayList<>();
  /** The box in CRS84, as a whole. */
  private Bbox crs84;
  private Bbox.Heights heights;
  /** A bbox given in a projected CRS is tested there, as the standard defines it; null for a CRS84 box. */
  private Geometry projectedBox;
  private Bbox original;
  private RequestedProjection toBoxCrs;
  private Crs84Reprojector storage;
  private List<Envelope> storageWindows = new ArrayList<>();

  private BboxSelection() {}

  static BboxSelection of(Bbox bbox, SpatialExtent extent, Crs84Reprojector reprojector) {
    BboxSelection selection = new BboxSelection();
    selection.crs84 = bbox;
    selection.storage = reprojector;
    selection.heights = bbox.heights();
    for (Bbox part : bbox.splitAtAntimeridian()) {
      Envelope box = new Envelope(part.minX(), part.maxX(), part.minY(), part.maxY());
      selection.crs84Boxes.add(GEOMETRIES.toGeometry(box));
      Envelope nearData = reprojector.isIdentity() ? box : clipToExtent(box, extent);
      selection.addStorageWindow(nearData, reprojector);
    }
    return selection;
  }

  /** The boxes in the storage CRS that contain every match; null when they are unknown (no prefilter possible). */
  List<Envelope> storageWindows() {
    return storageWindows;
  }

  /** A cheap test on a geometry's envelope in the storage CRS: false means it cannot match. */
  boolean mayIntersect(Envelope storageEnvelope) {
    return storageWindows == null || storageWindows.stream().anyMatch(storageEnvelope::intersects);
  }

  /**
   * The exact test on a CRS84 geometry, and on its heights when both the box and the geometry have them.
   *
   * @throws InvalidParameterException of {@code bbox-crs} when the geometry cannot be written in that CRS
   */
  boolean intersects(Geometry crs84) {
    boolean inBox = projectedBox == null
        ? crs84Boxes.stream().anyMatch(crs84::intersects)
        : projectedBox.intersects(toBoxCrs.fromCrs84(crs84.copy()));
    return inBox && reachesHeights(crs84);
  }

  /**
   * Whether this selection keeps every feature whose geometry lies in {@code extent}: the storage windows (the R-tree's
   * and the envelope test's) hold its storage box, and the exact test's box holds its CRS84 extent, or for a box in
   * a projected CRS, its storage box moved there as the features are. Then it leaves out only what every bbox leaves
   * out. No box of six numbers does, as the extent does not know the heights.
   */
  boolean holdsAll(TableExtent extent) {
    if (heights != null
        || storageWindows != null && storageWindows.stream().noneMatch(window -> window.covers(extent.storage()))) {
      return false;
    }
    if (projectedBox == null) {
      SpatialExtent inCrs84 = extent.crs84();
      return crs84.holds(new Envelope(inCrs84.minLon(), inCrs84.maxLon(), inCrs84.minLat(), inCrs84.maxLat()));
    }
    Envelope inBoxCrs = storage.holdingIn(Crs84Reprojector.forSrid(original.crs().srid()), extent.storage());
    return inBoxCrs != null && original.holds(inBoxCrs);
  }

  /** Makes the exact test run in the CRS of {@code original}, when that is not longitude/latitude. */
  BboxSelection testedIn(Bbox original) {
    if (!original.crs().geographic()) {
      this.original = original;
      toBoxCrs = new RequestedProjection(CrsParameter.BBOX_CRS, original.crs());
      projectedBox = GEOMETRIES.toGeometry(
          new Envelope(original.minX(), original.maxX(), original.minY(), original.maxY()));
    }
    return this;
  }

  private boolean reachesHeights(Geometry geometry) {
    if (heights == null) {
      return true;
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Coordinate coordinate : geometry.getCoordinates()) {
      low = Math.min(low, coordinate.getZ());
      high = Math.max(high, coordinate.getZ());
    }
    // a geometry without heights (NaN) is not bounded by them
    return Double.isNaN(low) || Double.isNaN(high) || (high >= heights.min() && low <= heights.max());
  }

  private void addStorageWindow(Envelope crs84Box, Crs84Reprojector reprojector) {
    if (crs84Box.isNull() || storageWindows == null) {
      return;
    }
    Envelope window = reprojector.fromCrs84(crs84Box);
    if (window == null) {
      storageWindows = null;
    } else {
      storageWindows.add(window);
    }
  }

  private static Envelope clipToExtent(Envelope box, SpatialExtent extent) {
    if (extent == null) {
      return box;
    }
    Envelope padded = new Envelope(extent.minLon(), extent.maxLon(), extent.minLat(), extent.maxLat());
    padded.expandBy(
        Math.max(padded.getWidth() * 0.1, MIN_PADDING_DEGREES),
        Math.max(padded.getHeight() * 0.1, MIN_PADDING_DEGREES));
    return box.intersection(padded);
  }
}
