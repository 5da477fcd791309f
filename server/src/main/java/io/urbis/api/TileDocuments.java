package io.urbis.api;

import io.urbis.catalog.GeometryType;
import io.urbis.encode.Representation;
import io.urbis.encode.tiles.TileLink;
import io.urbis.encode.tiles.TileSetDocument;
import io.urbis.encode.tiles.TileSetList;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMatrixSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The metadata documents of tile sets (OGC 20-057 and 17-083r4), with links built from the request. */
final class TileDocuments {

  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final String TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
  static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
  static final String TILEJSON = "application/vnd.mapbox.tile+json";
  static final String STYLE = "application/vnd.mapbox.style+json";
  private static final String JSON = "application/json";
  private static final String VECTOR = "vector";

  private final VectorTiles tiles;

  TileDocuments(VectorTiles tiles) {
    this.tiles = tiles;
  }

  /** {@code .../tiles}: one tile set per tile matrix set, each with the limits and tile template of its document. */
  TileSetList list(TiledData data, LinkBuilder links) {
    List<TileSetList.Summary> summaries = new ArrayList<>();
    for (TileMatrixSet set : TileMatrixSets.all()) {
      String base = links.path(data.segments(set.id()));
      summaries.add(new TileSetList.Summary(data.title() + " in " + set.id(), VECTOR, set.crs(), set.id(),
          set.uri(), tiles.limits(data, set), List.of(TileLink.of(base + data.query(), "self", JSON, "The tile set"),
          tilingScheme(set, links), tileTemplate(base, data))));
    }
    return new TileSetList(summaries, List.of(
        TileLink.of(links.path(data.segments()) + data.query(), "self", JSON, "This document")));
  }

  /** {@code .../tiles/{tileMatrixSetId}}: limits, layers and the tile URL template. */
  TileSetDocument tileset(TiledData data, TileMatrixSet set, LinkBuilder links) {
    String base = links.path(data.segments(set.id()));
    List<TileLink> all = new ArrayList<>();
    all.add(TileLink.of(base + data.query(), "self", JSON, "This document"));
    all.add(tilingScheme(set, links));
    all.add(tileTemplate(base, data));
    if (set == TileMatrixSets.WEB_MERCATOR_QUAD) {
      all.add(TileLink.of(base + data.query() + (data.query().isEmpty() ? "?" : "&") + "f=html", "alternate",
          Representation.HTML.mediaType().toString(), "Map of the tiles"));
      all.add(TileLink.of(base + "/tilejson" + data.query(), "describedby", TILEJSON, "TileJSON"));
      all.add(TileLink.of(base + "/style" + data.query(), "stylesheet", STYLE, "MapLibre style"));
    }
    Map<String, String> completeFrom = tiles.completeFrom(data, set);
    List<TileSetDocument.Layer> layers = data.layers().stream().map(layer -> new TileSetDocument.Layer(layer.id(),
        layer.title(), VECTOR, dimension(layer.geometryType()), completeFrom.get(layer.id()),
        List.of(TileLink.of(links.path("collections", layer.id()), "collection", JSON, layer.title())))).toList();
    return new TileSetDocument(data.title(), VECTOR, set.crs(), set.id(), set.uri(), tiles.limits(data, set), layers,
        all);
  }

  /** The URI template of the tiles, below {@code base}, the tile set's path. */
  private static TileLink tileTemplate(String base, TiledData data) {
    return TileLink.template(base + "/{tileMatrix}/{tileRow}/{tileCol}" + data.query(), "item", MVT,
        "Mapbox vector tiles");
  }

  private static TileLink tilingScheme(TileMatrixSet set, LinkBuilder links) {
    return TileLink.of(links.path("tileMatrixSets", set.id()), TILING_SCHEME, JSON, "Tile matrix set " + set.id());
  }

  /** 0 for points, 1 for lines, 2 for surfaces; null for mixed or unknown types. */
  static Integer dimension(GeometryType type) {
    return switch (type) {
      case POINT, MULTIPOINT -> 0;
      case LINESTRING, MULTILINESTRING -> 1;
      case POLYGON, MULTIPOLYGON, POLYHEDRALSURFACE, TIN, TRIANGLE -> 2;
      default -> null;
    };
  }
}
