package io.urbis.api;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Json;
import io.urbis.encode.Representation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code /collections/{collectionId}/queryables} (OGC 19-079r2) and {@code /schema} (OGC 23-058): JSON Schema
 * documents, served as {@code application/schema+json}.
 */
@Path("/collections/{collectionId}")
public final class SchemaResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON_SCHEMA);

  private final Catalog catalog;

  public SchemaResource(Catalog catalog) {
    this.catalog = catalog;
  }

  @GET
  @Path("/queryables")
  public Response queryables(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
    return schema(collectionId, ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED), uri,
        request, JsonSchemas::queryables);
  }

  @GET
  @Path("/schema")
  public Response schema(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request) {
    return schema(collectionId, ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED), uri,
        request, JsonSchemas::featureSchema);
  }

  private Response schema(String collectionId, Representation representation, UriInfo uri, Request request,
      BiFunction<Collection, String, Map<String, Object>> document) {
    Collection collection = CollectionsResource.find(catalog, collectionId);
    String self = new LinkBuilder(uri).withFormat(representation);
    byte[] body = serialize(document.apply(collection, self));
    return DocumentResponses.tagged(request, body, body, representation);
  }

  private static byte[] serialize(Map<String, Object> document) {
    try {
      return Json.MAPPER.writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }
}
