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
 * @param data the data's version and extent as they are now, which follow the data as it changes
 * @param source the source that serves the features
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
    FeatureSource source) {

  public Collection {
    properties = List.copyOf(properties);
  }

  /** The extent in CRS84 as the data is now, or null when the collection has no geometries. */
  public SpatialExtent spatialExtent() {
    return data.extent().spatial();
  }

  /** The extent of the temporal property as the data is now, or null. */
  public TemporalExtent temporalExtent() {
    return data.extent().temporal();
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
