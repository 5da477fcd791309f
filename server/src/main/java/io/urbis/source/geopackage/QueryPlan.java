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
 * @param reprojector moves the collection's geometries to CRS84 (not thread-safe: one plan per query)
 */
record QueryPlan(SqlFilter filter, BboxSelection bbox, Crs84Reprojector reprojector) {

  static QueryPlan of(Connection connection, Collection collection, FeatureQuery query) throws SQLException {
    Crs84Reprojector reprojector = Crs84Reprojector.forSrid(collection.srid());
    if (query.bbox() == null) {
      return new QueryPlan(SqlFilter.withoutRtree(query.datetime(), query.propertyFilters()), null, reprojector);
    }
    BboxSelection bbox = BboxSelection.of(query.bbox(), collection.spatialExtent(), reprojector);
    List<Envelope> windows = bbox.storageWindows();
    String rtree = windows == null
        ? null
        : RtreeLookup.find(connection, collection.table(), collection.geometryColumn());
    SqlFilter filter = rtree == null
        ? SqlFilter.withoutRtree(query.datetime(), query.propertyFilters())
        : new SqlFilter(rtree, windows, query.datetime(), query.propertyFilters());
    return new QueryPlan(filter, bbox, reprojector);
  }
}
