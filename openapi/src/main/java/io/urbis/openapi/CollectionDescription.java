package io.urbis.openapi;

import java.util.List;

/**
 * What the API document says about one feature collection.
 *
 * @param id the collection id, as it appears in {@code /collections/{id}}
 * @param title a human readable title; {@code null} falls back to the id
 * @param description a longer text; may be {@code null}
 * @param properties the feature properties, in the order they are shown
 * @param crs the URIs of the CRSs the collection lists in its {@code crs}, which {@code filter-crs} accepts
 * @param hasTemporal whether features have a time, so that {@code datetime} filters them
 * @param has3dTiles whether the collection has 3D Tiles of its models
 * @param writable whether the reader of the document may create, replace, update and delete its features (OGC
 *     API - Features Part 4), so that the document describes those operations too
 */
public record CollectionDescription(
    String id,
    String title,
    String description,
    List<QueryableProperty> properties,
    List<String> crs,
    boolean hasTemporal,
    boolean has3dTiles,
    boolean writable) {

  public CollectionDescription {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a collection needs an id");
    }
    properties = properties == null ? List.of() : List.copyOf(properties);
    crs = crs == null ? List.of() : List.copyOf(crs);
  }

  /** A collection its reader may not change. */
  public CollectionDescription(String id, String title, String description, List<QueryableProperty> properties,
      List<String> crs, boolean hasTemporal, boolean has3dTiles) {
    this(id, title, description, properties, crs, hasTemporal, has3dTiles, false);
  }

  /** The title for headings and summaries. */
  public String label() {
    return title == null || title.isBlank() ? id : title;
  }
}
