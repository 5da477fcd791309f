package io.urbis.heatplan;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.crs.Crs;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.Extrusion;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.WholeLayerFloor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The source of a heat plan's layers: the source the computation keeps them in, asked only after the layers were
 * brought up to the data as it is now. The layers are computed, never written.
 */
final class LayerSource implements FeatureSource {

  private final FeatureSource source;
  private final LiveHeatPlan plan;

  LayerSource(FeatureSource source, LiveHeatPlan plan) {
    this.source = source;
    this.plan = plan;
  }

  @Override
  public String label() {
    return source.label() + " (heat plan " + plan.plan().id() + ")";
  }

  /** The layers are published by {@link HeatPlans}, not discovered. */
  @Override
  public List<Collection> discover() {
    return List.of();
  }

  @Override
  public FeatureStream query(Collection collection, FeatureQuery query) {
    plan.current();
    return source.query(own(collection), query);
  }

  @Override
  public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
    plan.current();
    return source.get(own(collection), featureId, crs);
  }

  @Override
  public byte[] tile(Collection collection, TileRequest request) {
    plan.current();
    return source.tile(own(collection), request);
  }

  @Override
  public ReducedLayer reducedTile(Collection collection, TileRequest request) {
    plan.current();
    return source.reducedTile(own(collection), request);
  }

  @Override
  public WholeLayerFloor wholeTileFloor(Collection collection, TileRequest request) {
    plan.current();
    return source.wholeTileFloor(own(collection), request);
  }

  @Override
  public LayerStatistics tileStatistics(Collection collection, TileMatrixSet set, TileMatrix matrix) {
    plan.current();
    return source.tileStatistics(own(collection), set, matrix);
  }

  @Override
  public String dataVersion(Collection collection) {
    return plan.current();
  }

  @Override
  public DataExtent extent(Collection collection) {
    plan.current();
    return source.extent(own(collection));
  }

  /** The models (3D Tiles) of the layers, read as the layers' other answers are. */
  @Override
  public Optional<ModelSource> models() {
    return source.models().map(models -> new ModelSource() {
      @Override
      public List<ModelBounds> bounds(Collection collection, Extrusion extrusion) {
        plan.current();
        return models.bounds(own(collection), extrusion);
      }

      @Override
      public void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink) {
        plan.current();
        models.models(own(collection), ids, extrusion, sink);
      }
    });
  }

  @Override
  public boolean isReachable() {
    return source.isReachable();
  }

  /**
   * The layer as the source that holds it knows it: the computation's source (the buildings' own, or a GeoPackage of
   * derived layers), which serves only its own collections.
   */
  private Collection own(Collection layer) {
    return new Collection(layer.id(), layer.title(), layer.description(), layer.table(), layer.idColumn(),
        layer.idType(), layer.geometryColumn(), layer.geometryType(), layer.srid(), layer.is3d(), layer.properties(),
        layer.temporalProperty(), layer.data(), source, layer.rowFilter(), layer.visibility());
  }

  /** The source is closed by whoever opened it. */
  @Override
  public void close() {}
}
