package io.urbis.api;

import io.urbis.cache.TileBytes;
import io.urbis.encode.CollectionEntry;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import io.urbis.encode.tiles.TileJson;
import io.urbis.encode.tiles.TileMapPage;
import io.urbis.encode.tiles.TileSetDocument;
import io.urbis.error.NotFoundException;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMatrixSets;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The endpoints every tile set has, whether of one collection or of the dataset: the list of its tile sets, one
 * tile set (JSON, or for WebMercatorQuad an HTML map), its tiles, TileJSON and a MapLibre style.
 */
final class TileSetEndpoints {

  private static final List<Representation> JSON_ONLY = List.of(Representation.JSON);
  private static final List<Representation> JSON_OR_MAP = List.of(Representation.JSON, Representation.HTML);

  private final VectorTiles tiles;
  private final TileDocuments documents;
  private final CacheControl cacheControl;

  TileSetEndpoints(VectorTiles tiles) {
    this.tiles = tiles;
    this.documents = new TileDocuments(tiles);
    this.cacheControl = CacheControl.valueOf(tiles.settings().cacheControl());
  }

  Response list(TiledData data, String format, HttpHeaders headers, UriInfo uri, Request request) {
    ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), JSON_ONLY);
    return DocumentResponses.ok(request, documents.list(data, new LinkBuilder(uri)), Representation.JSON,
        data.visibility());
  }

  Response tileset(TiledData data, String setId, String format, HttpHeaders headers, UriInfo uri,
      Request request) {
    TileMatrixSet set = tileMatrixSet(setId);
    List<Representation> offered = set == TileMatrixSets.WEB_MERCATOR_QUAD ? JSON_OR_MAP : JSON_ONLY;
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), offered);
    LinkBuilder links = new LinkBuilder(uri);
    TileSetDocument document = documents.tileset(data, set, links);
    if (representation == Representation.HTML) {
      List<Link> pageLinks = links.selfAndAlternates(representation, offered);
      String style = links.path(data.segments(set.id(), "style")) + data.query();
      // the legend: each layer and its collection's pages (it links no 3D view, so none is looked up)
      List<CollectionEntry> layers = data.layers().stream().map(c -> CollectionEntries.of(c, links, false)).toList();
      return Response.ok(new TileMapPage(data.title(), links.baseUrl(), style, pageLinks, layers),
          representation.mediaType()).build();
    }
    return DocumentResponses.ok(request, document, representation, data.visibility());
  }

  /** A tile from the cache with its strong ETag; 204 when no feature is in it (OGC 20-057, /req/core/tc-error). */
  Response tile(TiledData data, String setId, String matrix, String row, String col, Request request,
      HttpHeaders headers) {
    TileAddress address = TileAddress.parse(tileMatrixSet(setId), matrix, row, col);
    TileBytes tile = tiles.tile(data, address);
    if (tile.content().length == 0) {
      return Response.noContent().cacheControl(cacheControl).build();
    }
    return TileResponses.of(request, headers, tile, TileDocuments.MVT, cacheControl, data.visibility());
  }

  Response tileJson(TiledData data, String setId, UriInfo uri, Request request) {
    requireWebMercator(setId);
    TileJson tileJson = WebMaps.tileJson(data, tiles.completeFrom(data, TileMatrixSets.WEB_MERCATOR_QUAD),
        new LinkBuilder(uri));
    return DocumentResponses.ok(request, tileJson, Representation.JSON, data.visibility());
  }

  Response style(TiledData data, String setId, UriInfo uri, Request request) {
    requireWebMercator(setId);
    return DocumentResponses.ok(request, WebMaps.style(data, new LinkBuilder(uri)), Representation.JSON,
        data.visibility());
  }

  static TileMatrixSet tileMatrixSet(String id) {
    return TileMatrixSets.find(id).orElseThrow(() -> new NotFoundException("There is no tile matrix set '" + id
        + "'; see /tileMatrixSets"));
  }

  private static void requireWebMercator(String setId) {
    if (tileMatrixSet(setId) != TileMatrixSets.WEB_MERCATOR_QUAD) {
      throw new NotFoundException("TileJSON and styles are offered for WebMercatorQuad only, which web maps draw");
    }
  }
}
