package io.urbis.api;

import io.urbis.access.CatalogView;
import io.urbis.catalog.Collection;
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

  private final String title;
  private final TileSetEndpoints endpoints;

  DatasetTilesResource(String title, TileSetEndpoints endpoints) {
    this.title = title;
    this.endpoints = endpoints;
  }

  @GET
  public Response list(@QueryParam("collections") String collections, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.list(data(context, collections), format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}")
  public Response tileset(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.tileset(data(context, collections), set, format, headers, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
  public Response tile(@PathParam("tileMatrixSetId") String set, @PathParam("tileMatrix") String matrix,
      @PathParam("tileRow") String row, @PathParam("tileCol") String col,
      @QueryParam("collections") String collections, @Context Request request, @Context HttpHeaders headers,
      @Context ContainerRequestContext context) {
    return endpoints.tile(data(context, collections), set, matrix, row, col, request, headers);
  }

  @GET
  @Path("/{tileMatrixSetId}/tilejson")
  public Response tileJson(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.tileJson(data(context, collections), set, uri, request);
  }

  @GET
  @Path("/{tileMatrixSetId}/style")
  public Response style(@PathParam("tileMatrixSetId") String set, @QueryParam("collections") String collections,
      @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return endpoints.style(data(context, collections), set, uri, request);
  }

  private TiledData data(ContainerRequestContext context, String collections) {
    CatalogView view = CatalogView.of(context);
    List<Collection> layers = CollectionsSelection.parse(view.catalog(), collections);
    String ids = layers.stream().map(Collection::id).collect(Collectors.joining(","));
    return new TiledData(ids, title, layers, PATH,
        collections == null ? null : URLEncoder.encode(ids, StandardCharsets.UTF_8), view.visibility());
  }
}
