package io.urbis.tiles3d;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.Extrusion;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import io.urbis.tiles.TileRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * A source of one collection, {@code blocks}: a row of square footprints about 100 m apart, block {@code i} with the
 * height {@code 10 + i}, the name {@code Block i} and the owner {@code Owner i}, raised by their height. It reads
 * models as a source does for an audience: only the rows within the collection's row filter, which the test gives
 * as a condition on the block number for the filter's text, since this source compiles no CQL2. It records the
 * collection of every read.
 */
final class ModelsInMemory implements FeatureSource, ModelSource {

  static final String ID = "blocks";
  static final Extrusion EXTRUSION = new Extrusion("height", null);
  private static final double WEST = 6.6;
  private static final double SOUTH = 51.6;
  private static final double SIZE_DEGREES = 0.0002;
  private static final double STEP_DEGREES = 0.0015;

  private final int blocks;
  private final Map<String, IntPredicate> rowFilters = new HashMap<>();
  /** The collections bounds and models were read for, in order. */
  final List<Collection> boundsRead = new CopyOnWriteArrayList<>();
  final List<Collection> modelsRead = new CopyOnWriteArrayList<>();

  ModelsInMemory(int blocks) {
    this.blocks = blocks;
  }

  /** The whole collection. */
  Collection collection() {
    return new Collection(ID, "Blocks", "", ID, "id", JsonType.STRING, "geom", GeometryType.MULTIPOLYGON, 4326,
        false, List.of(new Property("name", JsonType.STRING), new Property("height", JsonType.NUMBER),
            new Property("owner", JsonType.STRING)), null,
        new FixedData(new SpatialExtent(WEST, SOUTH, west(blocks - 1) + SIZE_DEGREES, SOUTH + SIZE_DEGREES)), this);
  }

  /** Rows of a collection whose row filter is {@code text} are the blocks whose number passes {@code blocks}. */
  void filter(String text, IntPredicate blocks) {
    rowFilters.put(text, blocks);
  }

  @Override
  public List<ModelBounds> bounds(Collection collection, Extrusion extrusion) {
    boundsRead.add(collection);
    List<ModelBounds> bounds = new ArrayList<>();
    for (int i : rows(collection)) {
      bounds.add(new ModelBounds(Integer.toString(i), west(i), SOUTH, west(i) + SIZE_DEGREES, SOUTH + SIZE_DEGREES,
          0, height(i)));
    }
    return bounds;
  }

  @Override
  public void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink) {
    modelsRead.add(collection);
    GeometryFactory geometries = new GeometryFactory();
    for (int i : rows(collection)) {
      if (ids.contains(Integer.toString(i))) {
        byte[] square = new WKBWriter().write(geometries.toGeometry(
            new Envelope(west(i), west(i) + SIZE_DEGREES, SOUTH, SOUTH + SIZE_DEGREES)));
        sink.accept(new ModelRow(Integer.toString(i), square, 0, height(i),
            "{\"name\":\"Block " + i + "\",\"height\":" + height(i) + ",\"owner\":\"Owner " + i + "\"}"));
      }
    }
  }

  /** The box of the blocks of the collection's rows. */
  @Override
  public DataExtent extent(Collection collection) {
    List<Integer> rows = rows(collection);
    return new DataExtent(rows.isEmpty() ? null : new SpatialExtent(west(rows.get(0)), SOUTH,
        west(rows.get(rows.size() - 1)) + SIZE_DEGREES, SOUTH + SIZE_DEGREES), null);
  }

  private List<Integer> rows(Collection collection) {
    IntPredicate within = collection.rowFilter() == null ? i -> true : rowFilters.get(collection.rowFilter().text());
    if (within == null) {
      throw new IllegalStateException("the test gave no rows for " + collection.rowFilter().text());
    }
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < blocks; i++) {
      if (within.test(i)) {
        rows.add(i);
      }
    }
    return rows;
  }

  private static double west(int block) {
    return WEST + block * STEP_DEGREES;
  }

  private static double height(int block) {
    return 10 + block;
  }

  @Override
  public Optional<ModelSource> models() {
    return Optional.of(this);
  }

  @Override
  public String label() {
    return "blocks in memory";
  }

  @Override
  public List<Collection> discover() {
    return List.of(collection());
  }

  @Override
  public FeatureStream query(Collection collection, FeatureQuery query) {
    throw new UnsupportedOperationException("3D tiles read models only");
  }

  @Override
  public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
    throw new UnsupportedOperationException("3D tiles read models only");
  }

  @Override
  public byte[] tile(Collection collection, TileRequest request) {
    throw new UnsupportedOperationException("3D tiles read models only");
  }

  @Override
  public String dataVersion(Collection collection) {
    return collection.data().version();
  }

  @Override
  public boolean isReachable() {
    return true;
  }

  @Override
  public void close() {}
}
