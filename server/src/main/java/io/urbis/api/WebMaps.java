package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.tiles.TileJson;
import io.urbis.tiles.TileMatrixSets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TileJSON and a MapLibre style (version 8) for a tile set in WebMercatorQuad, the one set web map libraries draw:
 * each layer gets a colour and is drawn as fills and outlines, lines or circles after its geometry type.
 */
final class WebMaps {

  /** Beyond this zoom clients overzoom: tiles of 4096 units are then finer than a centimetre. */
  static final int MAX_ZOOM = 16;
  private static final String SOURCE = "urbis";
  private static final List<String> COLOURS = List.of("#d9480f", "#1c7ed6", "#2b8a3e", "#ae3ec9", "#f08c00",
      "#0b7285", "#c2255c", "#5c940d");

  private WebMaps() {}

  /**
   * TileJSON of the tile set; {@code completeFrom} is each layer's first complete zoom, and the tiles reach at least
   * the last of them, so that a map zoomed in shows every feature rather than overzoomed reduced tiles.
   */
  static TileJson tileJson(TiledData data, Map<String, String> completeFrom, LinkBuilder links) {
    String template = links.path(data.segments(TileMatrixSets.WEB_MERCATOR_QUAD.id())) + "/{z}/{y}/{x}"
        + data.query();
    List<TileJson.VectorLayer> layers = data.layers().stream().map(layer -> new TileJson.VectorLayer(layer.id(),
        layer.title(), fields(layer), completeFrom.containsKey(layer.id())
            ? Integer.valueOf(completeFrom.get(layer.id())) : null)).toList();
    int maxZoom = completeFrom.values().stream().mapToInt(Integer::parseInt).reduce(MAX_ZOOM, Math::max);
    SpatialExtent extent = data.extent();
    double[] bounds = extent == null ? null : extent.toArray();
    return new TileJson("3.0.0", data.title(), List.of(template), 0, maxZoom, bounds, layers);
  }

  static Map<String, Object> style(TiledData data, LinkBuilder links) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("type", "vector");
    source.put("url", links.path(data.segments(TileMatrixSets.WEB_MERCATOR_QUAD.id(), "tilejson")) + data.query());
    List<Map<String, Object>> layers = new ArrayList<>();
    layers.add(Map.of("id", "background", "type", "background", "paint", Map.of("background-color", "#f8f9fa")));
    for (int i = 0; i < data.layers().size(); i++) {
      layers.addAll(layers(data.layers().get(i), COLOURS.get(i % COLOURS.size())));
    }
    Map<String, Object> style = new LinkedHashMap<>();
    style.put("version", 8);
    style.put("name", data.title());
    style.put("sources", Map.of(SOURCE, source));
    style.put("layers", layers);
    return style;
  }

  private static Map<String, String> fields(Collection layer) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Property property : layer.properties()) {
      fields.put(property.name(), property.type().schemaType());
    }
    return fields;
  }

  /** The style layers of one collection; a collection of mixed geometries gets all three, each filtered. */
  private static List<Map<String, Object>> layers(Collection collection, String colour) {
    Integer dimension = TileDocuments.dimension(collection.geometryType());
    List<Map<String, Object>> layers = new ArrayList<>();
    if (dimension == null || dimension == 2) {
      layers.add(layer(collection, "fill", "Polygon", Map.of("fill-color", colour, "fill-opacity", 0.45)));
      layers.add(layer(collection, "line", "Polygon", Map.of("line-color", colour, "line-width", 1)));
    }
    if (dimension == null || dimension == 1) {
      layers.add(layer(collection, "line", "LineString", Map.of("line-color", colour, "line-width", 2)));
    }
    if (dimension == null || dimension == 0) {
      layers.add(layer(collection, "circle", "Point", Map.of("circle-color", colour, "circle-radius", 4,
          "circle-stroke-color", "#ffffff", "circle-stroke-width", 1)));
    }
    return layers;
  }

  private static Map<String, Object> layer(Collection collection, String type, String geometry,
      Map<String, Object> paint) {
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("id", collection.id() + "-" + geometry.toLowerCase(Locale.ROOT) + "-" + type);
    layer.put("type", type);
    layer.put("source", SOURCE);
    layer.put("source-layer", collection.id());
    layer.put("filter", List.of("==", List.of("geometry-type"), geometry));
    layer.put("paint", paint);
    return layer;
  }
}
