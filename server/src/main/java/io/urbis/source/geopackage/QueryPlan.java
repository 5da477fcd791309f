package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.query.FeatureQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * How one query is split between SQLite and Java: the SQL filter (R-tree windows, datetime, property equality) and the exact bbox test
 * on CRS84 geometries.
 *
 * @param filter what SQL selects
 * @param bbox the Java-side bbox test, or null without a bbox
 */
record QueryPlan(SqlFilter filter, BboxSelection bbox) {

  static QueryPlan of(Connection connection, Collection collection, FeatureQuery query) throws SQLException {
    if (query.bbox() == null) {
      return new QueryPlan(SqlFilter.withoutRtree(query.datetime(), query.propertyFilters()), null);
    }
    BboxSelection bbox = BboxSelection.of(BboxInCrs84.of(query.bbox()), collection.spatialExtent(),
        Crs84Reprojector.forSrid(collection.srid()));
    List<Envelope> windows = bbox.storageWindows();
    String rtree = windows == null
        ? null
        : RtreeLookup.find(connection, collection.table(), collection.geometryColumn());
    SqlFilter filter = rtree == null
        ? SqlFilter.withoutRtree(query.datetime(), query.propertyFilters())
        : new SqlFilter(rtree, windows, query.datetime(), query.propertyFilters());
    return new QueryPlan(filter, bbox);
  }
}
