package io.urbis.query;

import io.urbis.crs.Crs;
import java.util.List;

/**
 * A validated, immutable items query. Built only by {@link FeatureQueryParser}, so every source can trust it.
 *
 * @param bbox the spatial selection, or null
 * @param datetime the temporal selection, or null
 * @param limit the page size, already clamped to the server's maximum
 * @param cursor where the page starts, or null for the first page
 * @param propertyFilters equality conditions on properties, all of which must hold
 * @param crs the CRS to write coordinates in
 * @param filter a CQL2 filter, or null
 * @param returnables which properties, and whether the geometry, each feature carries
 * @param sortby the order of the features before their id, empty for id order; sorted pages use offset cursors
 */
public record FeatureQuery(Bbox bbox, TimeInterval datetime, int limit, PageCursor cursor,
    List<PropertyFilter> propertyFilters, Crs crs, Filter filter, Returnables returnables, List<SortKey> sortby) {

  public FeatureQuery {
    propertyFilters = List.copyOf(propertyFilters);
    sortby = List.copyOf(sortby);
  }

  /** A query answered in CRS84 with whole features, without CQL2 filter. */
  public FeatureQuery(
      Bbox bbox, TimeInterval datetime, int limit, PageCursor cursor, List<PropertyFilter> propertyFilters) {
    this(bbox, datetime, limit, cursor, propertyFilters, Crs.CRS84, null, Returnables.ALL, List.of());
  }

  /** A query answered in CRS84, without property filters. */
  public FeatureQuery(Bbox bbox, TimeInterval datetime, int limit, PageCursor cursor) {
    this(bbox, datetime, limit, cursor, List.of());
  }

  /** The same selection, starting at another page. */
  public FeatureQuery withCursor(PageCursor newCursor) {
    return new FeatureQuery(bbox, datetime, limit, newCursor, propertyFilters, crs, filter, returnables, sortby);
  }

  /** The same selection, in pages of another size. */
  public FeatureQuery withLimit(int newLimit) {
    return new FeatureQuery(bbox, datetime, newLimit, cursor, propertyFilters, crs, filter, returnables, sortby);
  }

  /**
   * Whether a bbox of four numbers and a datetime are all that select, at least one of them given: where they hold
   * all the data ({@link Bbox#holds}, {@link TimeInterval#holds}), such a query leaves out only what every query of
   * its kind leaves out (features whose geometry is empty, features without a time), so one count serves them all.
   */
  public boolean selectsByBboxAndDatetimeOnly() {
    return (bbox != null || datetime != null) && (bbox == null || bbox.heights() == null)
        && propertyFilters.isEmpty() && filter == null;
  }

  public boolean isFirstPage() {
    return cursor == null || (cursor.direction() == PageCursor.Direction.OFFSET && cursor.offset() == 0);
  }
}
