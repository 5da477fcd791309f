package io.urbis.api;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /tiles}: vector tiles of the whole dataset, one layer per collection (OGC 20-057, dataset-tilesets), or of
 * the collections the {@code collections} parameter selects (collections-selection).
 */
@Path("/tiles")
public final class DatasetTilesResource {

  private static final List<String> PATH = List.of("tiles");

  private final Catalog catalog;
  private final String title;
  private final TileSetEndpoints endpoints;

  DatasetTilesResource(Catalog catalog, String title, TileSetEndpoints endpoints) {
    this.catalog = catalog;
    this.title = title;
    this.endpoints = endpoints;
  }

  @GET
  public Response list(@QueryParam("collections") String collections, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
    return endpoints.list(data(collections), format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}")
  public Response tileset(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    return endpoints.tileset(data(collections), set, format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  public Response tile(@PathParam("tileMatrixSetId") String set, @PathParam("tileMatrix") String matrix,
      @PathParam("tileRow") String row, @PathParam("tileCol") String col,
      @QueryParam("collections") String collections, @Context Request request, @Context HttpHeaders headers) {
    return endpoints.tile(data(collections), set, matrix, row, col, request, headers);
  }

  @GET
  @Path("/{tileMatrixSetId}/tilejson")
  public Response tileJson(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @Context UriInfo uri, @Context Request request) {
    return endpoints.tileJson(data(collections), set, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/style")
  public Response style(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @Context UriInfo uri, @Context Request request) {
    return endpoints.style(data(collections), set, uri, request);
  }

  private TiledData data(String collections) {
    List<Collection> layers = CollectionsSelection.parse(catalog, collections);
    String ids = layers.stream().map(Collection::id).collect(Collectors.joining(","));
    return new TiledData(ids, title, layers, PATH, collections == null ? null : URLEncoder.encode(ids, StandardCharsets.UTF_8));
  }
}
