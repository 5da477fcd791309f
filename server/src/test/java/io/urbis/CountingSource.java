package io.urbis;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.crs.Crs;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelSource;
import io.urbis.tiles.TileRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real source that counts the tiles it builds, so tests see whether a tile came from a cache. */
final class CountingSource implements FeatureSource {

  private final FeatureSource source;
  private final AtomicInteger tiles = new AtomicInteger();

  CountingSource(FeatureSource source) {
    this.source = source;
  }

  int tilesBuilt() {
    return tiles.get();
  }

  /** The source's collections, with this source as theirs so that tile requests pass through the count. */
  @Override
  public List<Collection> discover() {
    return source.discover().stream().map(c -> new Collection(c.id(), c.title(), c.description(), c.table(),
        c.idColumn(), c.idType(), c.geometryColumn(), c.geometryType(), c.srid(), c.is3d(), c.properties(),
        c.temporalProperty(), c.data(), this)).toList();
  }

  @Override
  public byte[] tile(Collection collection, TileRequest request) {
    tiles.incrementAndGet();
    return source.tile(collection, request);
  }

  @Override
  public String label() {
    return source.label();
  }

  @Override
  public FeatureStream query(Collection collection, FeatureQuery query) {
    return source.query(collection, query);
  }

  @Override
  public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
    return source.get(collection, featureId, crs);
  }

  @Override
  public DataExtent extent(Collection collection) {
    return source.extent(collection);
  }

  @Override
  public String dataVersion(Collection collection) {
    return source.dataVersion(collection);
  }

  @Override
  public Optional<ModelSource> models() {
    return source.models();
  }

  @Override
  public boolean isReachable() {
    return source.isReachable();
  }

  @Override
  public void close() {
    source.close();
  }
}
