package io.urbis.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.urbis.access.CatalogView;
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
import jakarta.ws.rs.container.ContainerRequestContext;
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
 * the jar, describing only what the caller's view of the catalog shows. Documents are cached per view and public base
 * URL, which they name as their server, and built anew when a collection's CRS list (its {@code filter-crs} enum)
 * changed with its data.
 */
@Path("/api")
public final class ApiDefinitionResource {

  private static final List<Representation> OFFERED =
      List.of(Representation.OPENAPI_JSON, Representation.OPENAPI_YAML, Representation.HTML);
  /**
   * Documents remembered, one per view and public base URL; proxies add a few bases, hostile Host headers must not
   * grow it without end.
   */
  private static final int CACHED_DOCUMENTS = 16;

  private final ApiSettings settings;
  private final Tiles3dService tiles3d;
  private final Map<String, Cached> documents = new ConcurrentHashMap<>();

  /** A document and the CRS lists of the collections it was built with. */
  private record Cached(List<List<String>> crs, OpenAPI document) {}

  public ApiDefinitionResource(ApiSettings settings, Tiles3dService tiles3d) {
    this.settings = settings;
    this.tiles3d = tiles3d;
  }

  @GET
  public Response get(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request, @Context ContainerRequestContext context) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    if (representation == Representation.HTML) {
      String page = SwaggerUiPage.render(settings.title(), links.baseUrl() + "/api?f=json", links.baseUrl());
      return Response.ok(page, representation.mediaType()).build();
    }
    CatalogView view = CatalogView.of(context);
    OpenAPI document = document(view, links.baseUrl());
    String text = representation == Representation.OPENAPI_YAML
        ? OpenApiWriter.toYaml(document) : OpenApiWriter.toJson(document);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return DocumentResponses.tagged(request, bytes, bytes, representation, view.visibility());
  }

  /** The document of what the view shows, cached per view and base URL. */
  private OpenAPI document(CatalogView view, String serverUrl) {
    if (documents.size() >= CACHED_DOCUMENTS) {
      documents.clear();
    }
    Catalog catalog = view.catalog();
    List<List<String>> crs = catalog.collections().stream().map(CollectionsResource::crs).toList();
    return documents.compute(view.visibility() + "\n" + serverUrl, (key, cached) -> cached != null
        && cached.crs().equals(crs) ? cached : new Cached(crs, OpenApiBuilder.build(describe(view, serverUrl, crs))))
        .document();
  }

  /** {@code crs}: the CRS list of each collection, in catalog order. */
  private ApiDescription describe(CatalogView view, String serverUrl, List<List<String>> crs) {
    List<Collection> published = view.catalog().collections();
    List<CollectionDescription> collections = IntStream.range(0, published.size())
        .mapToObj(i -> describe(published.get(i), crs.get(i), view.mayWrite(published.get(i).id())))
        .toList();
    return new ApiDescription(settings.title(), settings.description(), Version.of(), serverUrl,
        settings.defaultLimit(), settings.maxLimit(), collections);
  }

  private CollectionDescription describe(Collection collection, List<String> crs, boolean writable) {
    List<QueryableProperty> properties = collection.properties().stream()
        .map(ApiDefinitionResource::queryable)
        .toList();
    return new CollectionDescription(collection.id(), collection.title(), collection.description(), properties,
        crs, collection.temporalProperty() != null, tiles3d.offers(collection), writable);
  }

  private static QueryableProperty queryable(Property property) {
    return new QueryableProperty(property.name(), property.type().schemaType(), property.type().schemaFormat());
  }
}
