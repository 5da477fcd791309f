package io.urbis.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /collections/{collectionId}/tiles}: vector tiles of one collection (OGC 20-057, geodata-tilesets). */
@Path("/collections/{collectionId}/tiles")
public final class CollectionTilesResource {

  private final TileSetEndpoints endpoints;

  CollectionTilesResource(TileSetEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @GET
  public Response list(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.list(data(context, collectionId), format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}")
  public Response tileset(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.tileset(data(context, collectionId), set, format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  public Response tile(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @PathParam("tileMatrix") String matrix, @PathParam("tileRow") String row, @PathParam("tileCol") String col,
      @Context Request request, @Context HttpHeaders headers,
      @Context ContainerRequestContext context) {
    return endpoints.tile(data(context, collectionId), set, matrix, row, col, request, headers);
  }

  @GET
  @Path("/{tileMatrixSetId}/tilejson")
  public Response tileJson(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.tileJson(data(context, collectionId), set, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/style")
  public Response style(@PathParam("collectionId") String collectionId, @PathParam("tileMatrixSetId") String set,
      @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.style(data(context, collectionId), set, uri, request);
  }

  private static TiledData data(ContainerRequestContext context, String collectionId) {
    return TiledData.of(CollectionsResource.find(context, collectionId));
  }
}
