package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Representation;
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
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The JSON Schema documents of a collection, each as {@code application/schema+json} with an ETag. They differ only
 * in which document {@link JsonSchemas} builds, so one resource answers all three; JAX-RS wants a method per path.
 * The root path is that of {@link CollectionsResource}, which Jersey merges with this one: a root of
 * {@code /collections/{collectionId}} would win {@code /collections/x} too and answer it 404, as Jersey does not
 * try another root once one matched.
 */
@Path("/collections")
public final class CollectionSchemasResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON_SCHEMA);

  /** {@code /collections/{collectionId}/queryables} (OGC 19-079r2): what a filter may name. */
  @GET
  @Path("/{collectionId}/queryables")
  public Response queryables(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return answer(context, collectionId, format, headers, uri, request, JsonSchemas::queryables);
  }

  /** {@code /collections/{collectionId}/schema} (OGC 23-058): the features' schema with OGC roles. */
  @GET
  @Path("/{collectionId}/schema")
  public Response schema(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return answer(context, collectionId, format, headers, uri, request, JsonSchemas::featureSchema);
  }

  /** {@code /collections/{collectionId}/sortables} (OGC 23-058): what {@code sortby} accepts. */
  @GET
  @Path("/{collectionId}/sortables")
  public Response sortables(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    return answer(context, collectionId, format, headers, uri, request, JsonSchemas::sortables);
  }

  private static Response answer(ContainerRequestContext context, String collectionId, String format, HttpHeaders headers, UriInfo uri, Request request,
      BiFunction<Collection, String, Map<String, Object>> document) {
    Collection collection = CollectionsResource.find(context, collectionId);
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    String self = new LinkBuilder(uri).withFormat(representation);
    return DocumentResponses.ok(request, document.apply(collection, self), representation,
        collection.visibility());
  }
}
