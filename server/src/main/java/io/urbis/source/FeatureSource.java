package io.urbis.source;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.crs.Crs;
import io.urbis.heatplan.HeatPlanComputation;
import io.urbis.query.FeatureQuery;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.WholeLayerFloor;
import java.util.List;
import java.util.Optional;

/**
 * A backend that publishes feature collections: a PostGIS database or a GeoPackage file. It knows nothing of
 * HTTP; it answers typed queries that the API layer has already validated.
 */
public interface FeatureSource extends AutoCloseable {

  /** A short label for logs and errors, never containing a password. */
  String label();

  /** Reads the source's tables and returns the collections it publishes. */
  List<Collection> discover();

  /** Opens one page of the features of {@code collection} that match {@code query}. */
  FeatureStream query(Collection collection, FeatureQuery query);

  /**
   * The feature with the given id, its geometry in {@code crs}, if the collection has one, with its
   * {@link EncodedFeature#version()} where the source has an {@link #editor()}. An id that cannot be of the key's type
   * is absent.
   */
  Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs);

  /**
   * One tile of the collection as a Mapbox Vector Tile with one layer, named after the collection id, holding the
   * requested properties; no bytes at all when no feature is in the tile.
   */
  byte[] tile(Collection collection, TileRequest request);

  /**
   * The layer of this tile reduced by the request's {@link io.urbis.tiles.TileReduction}, with how many cells of each
   * coarser level hold features; a source that cannot tell draws it as {@link #tile} does.
   */
  default ReducedLayer reducedTile(Collection collection, TileRequest request) {
    return new ReducedLayer(tile(collection, request), List.of());
  }

  /**
   * About the fewest bytes the whole layer of this tile takes ({@link WholeLayerFloor}), from counts made without
   * drawing it, so that a tile that cannot fit its budget is reduced without being drawn whole first; NONE when the
   * source cannot count cheaply.
   */
  default WholeLayerFloor wholeTileFloor(Collection collection, TileRequest request) {
    return WholeLayerFloor.NONE;
  }

  /**
   * How many features of the collection have the centre of their bounding box in each tile of {@code matrix} of
   * {@code set} and how small the smallest are, in the set's CRS; {@link LayerStatistics#UNKNOWN} when the source
   * cannot tell.
   */
  default LayerStatistics tileStatistics(Collection collection, TileMatrixSet set, TileMatrix matrix) {
    return LayerStatistics.UNKNOWN;
  }

  /**
   * A value that changes whenever the collection's data changes, cheap enough to ask on every request; tiles built
   * for one value are reused while it stays the same.
   */
  String dataVersion(Collection collection);

  /**
   * Where the rows {@code collection} holds are (CRS84), and when by its temporal property (null when it has none),
   * read from the data as it is now at every call. A collection narrowed by a row filter shows this extent of the
   * rows it lets through, read again whenever its table's data version changes; a whole collection's extent follows
   * its data in {@link Collection#data()}.
   */
  DataExtent extent(Collection collection);

  /** The reader of 3D models for 3D Tiles, where the source has one. */
  default Optional<ModelSource> models() {
    return Optional.empty();
  }

  /**
   * The writer of the source's features, where the source can change them (OGC API - Features Part 4); whether a
   * caller may use it is for the access rules to say.
   */
  default Optional<FeatureEditor> editor() {
    return Optional.empty();
  }

  /** What computes heat plans of the source's collections and serves their layers, where the source can. */
  default Optional<HeatPlanComputation> heatPlans() {
    return Optional.empty();
  }

  /** Whether the source answers right now (readiness). */
  boolean isReachable();

  @Override
  void close();
}
