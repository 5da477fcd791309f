package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Json;
import io.urbis.encode.Representation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Answers a JSON Schema document of a collection as {@code application/schema+json}, with an ETag. */
final class JsonSchemaResponses {

  private static final List<Representation> OFFERED = List.of(Representation.JSON_SCHEMA);

  private JsonSchemaResponses() {}

  static Response answer(Collection collection, String format, HttpHeaders headers, UriInfo uri, Request request,
      BiFunction<Collection, String, Map<String, Object>> document) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
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
