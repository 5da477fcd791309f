package io.urbis.api;

import io.urbis.catalog.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /collections/{collectionId}/tiles}: vector tiles of one collection (OGC 20-057, geodata-tilesets). */
@Path("/collections/{collectionId}/tiles")
public final class CollectionTilesResource {

  private final Catalog catalog;
  private final TileSetEndpoints endpoints;

  CollectionTilesResource(Catalog catalog, TileSetEndpoints endpoints) {
    this.catalog = catalog;
    this.endpoints = endpoints;
  }

  @GET
  public Response list(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
    return endpoints.list(data(collectionId), format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}")
  public Response tileset(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    return endpoints.tileset(data(collectionId), set, format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  public Response tile(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @PathParam("tileMatrix") String matrix, @PathParam("tileRow") String row, @PathParam("tileCol") String col,
      @Context Request request, @Context HttpHeaders headers) {
    return endpoints.tile(data(collectionId), set, matrix, row, col, request, headers);
  }

  @GET
  @Path("/{tileMatrixSetId}/tilejson")
  public Response tileJson(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @Context UriInfo uri, @Context Request request) {
    return endpoints.tileJson(data(collectionId), set, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/style")
  public Response style(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @Context UriInfo uri, @Context Request request) {
    return endpoints.style(data(collectionId), set, uri, request);
  }

  private TiledData data(String collectionId) {
    return TiledData.of(CollectionsResource.find(catalog, collectionId));
  }
}
