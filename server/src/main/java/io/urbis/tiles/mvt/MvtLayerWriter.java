package io.urbis.tiles.mvt;

import io.urbis.tiles.TileRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes one layer of a Mapbox Vector Tile (specification 2.1) from geometries in the CRS of the tile's matrix set:
 * features with their id, attributes (keys and values each stored once, as the specification's tables) and
 * geometry commands. The bytes are a whole tile with one layer: tiles are concatenated to hold more layers, as
 * protobuf merges repeated fields. Not thread-safe; one per tile and layer.
 */
public final class MvtLayerWriter {

  private static final int TILE_LAYERS = 3;
  private static final int LAYER_NAME = 1;
  private static final int LAYER_FEATURES = 2;
  private static final int LAYER_KEYS = 3;
  private static final int LAYER_VALUES = 4;
  private static final int LAYER_EXTENT = 5;
  private static final int LAYER_VERSION = 15;
  private static final int FEATURE_ID = 1;
  private static final int FEATURE_TAGS = 2;
  private static final int FEATURE_TYPE = 3;
  private static final int FEATURE_GEOMETRY = 4;
  private static final int MVT_VERSION = 2;

  private final String name;
  private final TileGeometries geometries;
  private final MvtGeometryEncoder encoder = new MvtGeometryEncoder();
  private final ProtobufWriter features = new ProtobufWriter();
  private final Map<String, Integer> keys = new LinkedHashMap<>();
  private final Map<Object, Integer> values = new LinkedHashMap<>();
  private int featureCount;

  public MvtLayerWriter(String name, TileRequest request) {
    this.name = name;
    this.geometries = new TileGeometries(request);
  }

  /**
   * Adds a feature unless its geometry misses the tile or vanishes at the tile's resolution.
   *
   * @param id the feature id, or null when it is not an integer
   * @param geometry the geometry in the CRS of the tile matrix set
   * @param attributes values that are String, Boolean, Long, Integer, Double or anything else written as text; null
   *     values are left out
   */
  public void add(Long id, Geometry geometry, Map<String, Object> attributes) {
    Geometry inTile = geometries.toTile(geometry);
    MvtGeometryEncoder.EncodedGeometry encoded = inTile == null ? null : encoder.encode(inTile);
    if (encoded == null) {
      return;
    }
    ProtobufWriter feature = new ProtobufWriter();
    if (id != null && id >= 0) {
      feature.varintField(FEATURE_ID, id);
    }
    int[] tags = new int[attributes.size() * 2];
    int n = 0;
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      if (attribute.getValue() != null) {
        tags[n++] = keys.computeIfAbsent(attribute.getKey(), key -> keys.size());
        tags[n++] = values.computeIfAbsent(normalized(attribute.getValue()), value -> values.size());
      }
    }
    if (n > 0) {
      feature.packedField(FEATURE_TAGS, tags, n);
    }
    feature.varintField(FEATURE_TYPE, encoded.type().code);
    feature.packedField(FEATURE_GEOMETRY, encoded.commands(), encoded.commands().length);
    features.bytesField(LAYER_FEATURES, feature.toByteArray());
    featureCount++;
  }

  /** The tile with this one layer, or no bytes at all when no feature was added. */
  public byte[] toTile() {
    if (featureCount == 0) {
      return new byte[0];
    }
    ProtobufWriter layer = new ProtobufWriter();
    layer.varintField(LAYER_VERSION, MVT_VERSION);
    layer.stringField(LAYER_NAME, name);
    byte[] featureBytes = features.toByteArray();
    ProtobufWriter all = new ProtobufWriter();
    keys.keySet().forEach(key -> all.stringField(LAYER_KEYS, key));
    values.keySet().forEach(value -> all.bytesField(LAYER_VALUES, MvtValues.encode(value)));
    layer.varintField(LAYER_EXTENT, TileRequest.EXTENT);
    ProtobufWriter tile = new ProtobufWriter();
    tile.bytesField(TILE_LAYERS, concat(layer.toByteArray(), featureBytes, all.toByteArray()));
    return tile.toByteArray();
  }

  /** Integers as Long and decimals as Double, so that equal values share one entry of the value table. */
  private static Object normalized(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
      return value;
    }
    return value.toString();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, offset, part.length);
      offset += part.length;
    }
    return all;
  }
}
