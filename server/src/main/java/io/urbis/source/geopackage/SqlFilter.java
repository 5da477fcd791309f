package io.urbis.source.geopackage;

import io.urbis.query.PropertyFilter;
import io.urbis.query.TimeInterval;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The part of a query that SQL evaluates: R-tree windows (a superset of the bbox matches) and the datetime test.
 *
 * @param rtreeTable the R-tree of the geometry column, or null when there is none or no bbox
 * @param windows the boxes in the storage CRS whose R-tree entries are candidates (used with rtreeTable)
 * @param datetime the temporal selection, or null
 * @param properties equality conditions on properties
 */
record SqlFilter(String rtreeTable, List<Envelope> windows, TimeInterval datetime, List<PropertyFilter> properties) {

  /** A filter that leaves the bbox to Java (no bbox, no R-tree, or windows that cannot be projected). */
  static SqlFilter withoutRtree(TimeInterval datetime, List<PropertyFilter> properties) {
    return new SqlFilter(null, List.of(), datetime, properties);
  }

  boolean usesRtree() {
    return rtreeTable != null;
  }
}
