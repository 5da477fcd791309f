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

/** {@code /collections/{collectionId}/sortables} (OGC 23-058): what {@code sortby} accepts, as JSON Schema. */
@Path("/collections/{collectionId}/sortables")
public final class SortablesResource {

  private final Catalog catalog;

  public SortablesResource(Catalog catalog) {
    this.catalog = catalog;
  }

  @GET
  public Response get(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
    return JsonSchemaResponses.answer(CollectionsResource.find(catalog, collectionId), format, headers, uri, request,
        JsonSchemas::sortables);
  }
}
