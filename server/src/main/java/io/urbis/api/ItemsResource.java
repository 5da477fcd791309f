package io.urbis.api;

import io.urbis.access.CatalogView;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.download.Downloads;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.FeatureDocument;
import io.urbis.encode.FeaturePage;
import io.urbis.encode.GeoJsonFeatureWriter;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import io.urbis.error.NotFoundException;
import io.urbis.query.CursorParameter;
import io.urbis.query.FeatureQuery;
import io.urbis.query.FeatureQueryParser;
import io.urbis.query.OffsetParameter;
import io.urbis.query.PageCursor;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code /collections/{collectionId}/items} and one item (OGC 17-069r4, 7.15 and 7.16). */
@Path("/collections/{collectionId}/items")
public final class ItemsResource {

  /** The CRS of the coordinates in the response (OGC 18-058r1, /req/crs/ogc-crs-header). */
  private static final String CONTENT_CRS = "Content-Crs";
  private static final String LIMIT = "limit";
  private static final List<Representation> OFFERED = List.of(Representation.GEOJSON, Representation.HTML);
  /** Items are also offered as whole-selection downloads; one feature is not. */
  private static final List<Representation> ITEMS_OFFERED = Stream.concat(OFFERED.stream(),
      Downloads.FORMATS.stream()).toList();
  /** The parameters that page; a download of the page's selection leaves them out. */
  private static final String[] PAGING = {"cursor", OffsetParameter.NAME, LIMIT};

  private final FeatureQueryParser parser;

  public ItemsResource(FeatureQueryParser parser) {
    this.parser = parser;
  }

  @GET
  @ParsesItsOwnParameters
  public Response items(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    FeatureQuery query = parser.parse(uri.getQueryParameters(), collection);
    Representation representation =
        ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), ITEMS_OFFERED);
    if (Downloads.isDownload(representation)) {
      Integer explicitLimit = uri.getQueryParameters().containsKey(LIMIT) ? query.limit() : null;
      return Response.fromResponse(Downloads.response(collection, query, explicitLimit, representation))
          .header(CONTENT_CRS, "<" + query.crs().uri() + ">").build();
    }
    FeatureStream features = collection.source().query(collection, query);
    LinkBuilder links = new LinkBuilder(uri);
    FeaturePage page = new FeaturePage(collection, features, paging -> pageLinks(links, collection, representation,
        paging), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    return Response.ok(page, representation.mediaType()).header(CONTENT_CRS, "<" + query.crs().uri() + ">").build();
  }

  @GET
  @Path("/{featureId}")
  @ParsesItsOwnParameters
  public Response item(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
      @QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request, @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    Crs crs = parser.parseFeatureCrs(uri.getQueryParameters(), collection);
    EncodedFeature feature = collection.source().get(collection, featureId, crs)
        .orElseThrow(() -> new NotFoundException(
            "Collection '" + collectionId + "' has no feature '" + featureId + "'"));
    LinkBuilder links = new LinkBuilder(uri);
    List<Link> all = new ArrayList<>(links.selfAndAlternates(representation, OFFERED));
    all.add(links.link("collection", Representation.JSON, collection.title(), "collections", collectionId));
    FeatureDocument document = new FeatureDocument(collection, feature, all);
    byte[] geoJson = GeoJsonFeatureWriter.encode(document);
    Object entity = representation == Representation.HTML ? document : geoJson;
    String version = writableVersion(CatalogView.of(context), collection, featureId, crs).orElse(feature.version());
    Response response = version == null
        ? DocumentResponses.tagged(request, geoJson, entity, representation, collection.visibility())
        : DocumentResponses.tagged(request, FeatureTags.ofRepresentation(version, geoJson, representation), entity,
            representation);
    response.getHeaders().putSingle(CONTENT_CRS, "<" + crs.uri() + ">");
    return response;
  }

  /**
   * The version If-Match compares with, when the caller's writing roles see the feature otherwise than its reading
   * roles do (a role that reads more than another writes): that of the feature as the writes see it.
   */
  private static Optional<String> writableVersion(CatalogView view, Collection read, String featureId,
      Crs crs) {
    return view.writable(read.id()).filter(written -> !written.visibility().equals(read.visibility()))
        .map(written -> written.source().get(written, featureId, crs).map(EncodedFeature::version).orElse(null));
  }

  private static List<Link> pageLinks(
      LinkBuilder links, Collection collection, Representation current, Paging paging) {
    List<Link> all = new ArrayList<>(links.selfAndAlternates(current, OFFERED));
    for (Representation download : Downloads.FORMATS) {
      all.add(new Link(links.withFormatWithout(download, PAGING), "enclosure", download.mediaType().toString(),
          "All matching features as " + download.title()));
    }
    String type = current.mediaType().toString();
    if (paging.next() != null) {
      all.add(new Link(pageLink(links, current, paging.next()), "next", type, "Next page"));
    }
    if (paging.prev() != null) {
      all.add(new Link(pageLink(links, current, paging.prev()), "prev", type, "Previous page"));
    }
    all.add(links.link("collection", Representation.JSON, collection.title(), "collections", collection.id()));
    return all;
  }

  /** The request with the page's cursor instead of the request's own start, whether cursor or offset. */
  private static String pageLink(LinkBuilder links, Representation current, PageCursor start) {
    return links.withFormatAnd(current, "cursor", CursorParameter.format(start), OffsetParameter.NAME);
  }
}
