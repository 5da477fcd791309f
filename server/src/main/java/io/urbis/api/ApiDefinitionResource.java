package io.urbis.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Representation;
import io.urbis.openapi.ApiDescription;
import io.urbis.openapi.CollectionDescription;
import io.urbis.openapi.OpenApiBuilder;
import io.urbis.openapi.OpenApiWriter;
import io.urbis.openapi.QueryableProperty;
import io.urbis.tiles3d.Tiles3dService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * {@code /api}: the OpenAPI 3.0 document for the published collections, as JSON, YAML, or Swagger UI served from
 * the jar. Documents are cached per public base URL, which they name as their server, and built anew when a
 * collection's CRS list (its {@code filter-crs} enum) changed with its data.
 */
@Path("/api")
public final class ApiDefinitionResource {

  private static final List<Representation> OFFERED =
      List.of(Representation.OPENAPI_JSON, Representation.OPENAPI_YAML, Representation.HTML);
  /** Distinct public base URLs remembered; proxies add a few, hostile Host headers must not grow it without end. */
  private static final int CACHED_BASES = 16;

  private final ApiSettings settings;
  private final Catalog catalog;
  private final Tiles3dService tiles3d;
  private final Map<String, Cached> documents = new ConcurrentHashMap<>();

  /** A document and the CRS lists of the collections it was built with. */
  private record Cached(List<List<String>> crs, OpenAPI document) {}

  public ApiDefinitionResource(ApiSettings settings, Catalog catalog, Tiles3dService tiles3d) {
    this.settings = settings;
    this.catalog = catalog;
    this.tiles3d = tiles3d;
  }

  @GET
  public Response get(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    if (representation == Representation.HTML) {
      String page = SwaggerUiPage.render(settings.title(), links.baseUrl() + "/api?f=json", links.baseUrl());
      return Response.ok(page, representation.mediaType()).build();
    }
    OpenAPI document = document(links.baseUrl());
    String text = representation == Representation.OPENAPI_YAML
        ? OpenApiWriter.toYaml(document) : OpenApiWriter.toJson(document);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return DocumentResponses.tagged(request, bytes, bytes, representation);
  }

  private OpenAPI document(String serverUrl) {
    if (documents.size() >= CACHED_BASES) {
      documents.clear();
    }
    List<List<String>> crs = catalog.collections().stream().map(CollectionsResource::crs).toList();
    return documents.compute(serverUrl, (url, cached) -> cached != null && cached.crs().equals(crs)
        ? cached : new Cached(crs, OpenApiBuilder.build(describe(url, crs)))).document();
  }

  /** {@code crs}: the CRS list of each collection, in catalog order. */
  private ApiDescription describe(String serverUrl, List<List<String>> crs) {
    List<Collection> published = catalog.collections();
    List<CollectionDescription> collections = IntStream.range(0, published.size())
        .mapToObj(i -> describe(published.get(i), crs.get(i)))
        .toList();
    return new ApiDescription(settings.title(), settings.description(), Version.of(), serverUrl,
        settings.defaultLimit(), settings.maxLimit(), collections);
  }

  private CollectionDescription describe(Collection collection, List<String> crs) {
    List<QueryableProperty> properties = collection.properties().stream()
        .map(ApiDefinitionResource::queryable)
        .toList();
    return new CollectionDescription(collection.id(), collection.title(), collection.description(), properties,
        crs, collection.temporalProperty() != null, tiles3d.offers(collection));
  }

  private static QueryableProperty queryable(Property property) {
    return new QueryableProperty(property.name(), property.type().schemaType(), property.type().schemaFormat());
  }
}
