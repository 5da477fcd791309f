package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.query.FeatureQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * How one query is split between SQLite and Java: SQLite selects by R-tree windows, datetime and property equality;
 * Java runs the exact bbox test on CRS84 geometries and the CQL2 filter and row filter, which SQLite has no spatial
 * functions for.
 *
 * @param sql what SQL selects
 * @param bbox the Java-side bbox test, or null without a bbox
 * @param cql the Java-side CQL2 filter and the collection's row filter, or null without either
 */
record QueryPlan(SqlFilter sql, BboxSelection bbox, CqlSelection cql) {

  /** The plan of {@code query}; {@code extent} is the collection's extent now, which its bbox is clipped to. */
  static QueryPlan of(Connection connection, Collection collection, FeatureQuery query, SpatialExtent extent)
      throws SQLException {
    CqlSelection cql = CqlSelection.of(query.filter(), collection.rowFilter());
    if (query.bbox() == null) {
      return new QueryPlan(SqlFilter.withoutRtree(query.datetime(), query.propertyFilters()), null, cql);
    }
    BboxSelection bbox = BboxSelection.of(BboxInCrs84.of(query.bbox()), extent,
        Crs84Reprojector.forSrid(collection.srid())).testedIn(query.bbox());
    List<Envelope> windows = bbox.storageWindows();
    String rtree = windows == null
        ? null
        : RtreeLookup.find(connection, collection.table(), collection.geometryColumn());
    SqlFilter sql = rtree == null
        ? SqlFilter.withoutRtree(query.datetime(), query.propertyFilters())
        : new SqlFilter(rtree, windows, query.datetime(), query.propertyFilters());
    return new QueryPlan(sql, bbox, cql);
  }
}
