package io.urbis.catalog;

import io.urbis.crs.Crs;
import io.urbis.crs.LonLatBox;
import io.urbis.crs.SupportedCrs;
import io.urbis.source.FeatureSource;
import java.util.List;
import java.util.Optional;

/**
 * A published feature collection: what the API tells about it and where its features come from.
 *
 * @param id the collection id in URLs
 * @param title a human title
 * @param description a longer description, may be empty
 * @param table the table or view name in its source (schema-qualified where the source has schemas)
 * @param idColumn the column whose value is the feature id
 * @param idType the JSON type of the feature id (INTEGER or STRING)
 * @param geometryColumn the primary geometry column
 * @param geometryType its declared type
 * @param srid the storage SRID of the geometry column (EPSG code; 0 when unknown)
 * @param is3d whether geometries carry Z
 * @param properties the published attributes, in column order, without id and geometry
 * @param temporalProperty the property that {@code datetime} filters on, or null
 * @param data the data's version and extent as they are now, which follow the data as it changes; of a collection
 *     narrowed by a row filter, the version of its table's data and the extent of the rows the filter lets through
 * @param source the source that serves the features
 * @param rowFilter the rows this collection holds of its table, or null for all of them
 * @param visibility what shaped this collection out of the whole one (hidden properties, row filter): empty for the
 *     whole collection as its source published it; caches, counts and ETags of what the collection serves include it,
 *     so that audiences with different rules never share them
 */
public record Collection(
    String id,
    String title,
    String description,
    String table,
    String idColumn,
    JsonType idType,
    String geometryColumn,
    GeometryType geometryType,
    int srid,
    boolean is3d,
    List<Property> properties,
    String temporalProperty,
    CurrentData data,
    FeatureSource source,
    RowFilter rowFilter,
    String visibility) {

  public Collection {
    properties = List.copyOf(properties);
    visibility = visibility == null ? "" : visibility;
  }

  /** The whole collection, as a source publishes it: every row, every published property. */
  public Collection(String id, String title, String description, String table, String idColumn, JsonType idType,
      String geometryColumn, GeometryType geometryType, int srid, boolean is3d, List<Property> properties,
      String temporalProperty, CurrentData data, FeatureSource source) {
    this(id, title, description, table, idColumn, idType, geometryColumn, geometryType, srid, is3d, properties,
        temporalProperty, data, source, null, "");
  }

  /** This collection under another id (ids are made unique across sources). */
  public Collection withId(String newId) {
    return new Collection(newId, title, description, table, idColumn, idType, geometryColumn, geometryType, srid,
        is3d, properties, temporalProperty, data, source, rowFilter, visibility);
  }

  /**
   * What one audience sees of this collection: only {@code visible} of its properties, only the rows
   * {@code newRowFilter} holds (null: all of them), named {@code newVisibility} in caches.
   */
  public Collection narrowed(List<Property> visible, RowFilter newRowFilter, String newVisibility) {
    // datetime must not select on, nor the extent tell of, a hidden temporal property
    String temporal = visible.stream().anyMatch(p -> p.name().equals(temporalProperty)) ? temporalProperty : null;
    return new Collection(id, title, description, table, idColumn, idType, geometryColumn, geometryType, srid, is3d,
        visible, temporal, data, source, newRowFilter, newVisibility);
  }

  /** This collection with {@code newData} as its data: a narrowed one's, of the rows its row filter holds. */
  public Collection withData(CurrentData newData) {
    return new Collection(id, title, description, table, idColumn, idType, geometryColumn, geometryType, srid, is3d,
        properties, temporalProperty, newData, source, rowFilter, visibility);
  }

  /** Whether this is the whole collection as its source published it. */
  public boolean isWhole() {
    return visibility.isEmpty();
  }

  /** The extent in CRS84 as the data is now, or null when the collection has no geometries. */
  public SpatialExtent spatialExtent() {
    return data.extent().spatial();
  }

  /** The extent of the temporal property as the data is now, or null. */
  public TemporalExtent temporalExtent() {
    return temporalProperty == null ? null : data.extent().temporal();
  }

  /**
   * The CRSs the collection is offered in as its data is now, as its {@code crs} lists them and {@code crs},
   * {@code bbox-crs} and {@code filter-crs} accept them: those all its features can be written in.
   */
  public List<Crs> crs() {
    SpatialExtent extent = spatialExtent();
    return SupportedCrs.forData(srid, extent == null ? null
        : new LonLatBox(extent.minLon(), extent.minLat(), extent.maxLon(), extent.maxLat()));
  }

  public Optional<Property> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
