package io.urbis.api;

import io.urbis.access.CatalogView;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.encode.CollectionDescription;
import io.urbis.encode.CollectionList;
import io.urbis.encode.CollectionPage;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Extent;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import io.urbis.error.NotFoundException;
import io.urbis.tiles3d.Tiles3dService;
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
import java.util.ArrayList;
import java.util.List;

/** {@code /collections} and {@code /collections/{collectionId}} (OGC 17-069r4, 7.13 and 7.14). */
@Path("/collections")
public final class CollectionsResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON, Representation.HTML);

  private final Tiles3dService tiles;
  private final CatalogDatasets datasets;

  public CollectionsResource(Tiles3dService tiles, CatalogDatasets datasets) {
    this.tiles = tiles;
    this.datasets = datasets;
  }

  @GET
  public Response list(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request, @Context ContainerRequestContext context) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    CatalogView view = CatalogView.of(context);
    List<CollectionDescription> descriptions =
        view.catalog().collections().stream().map(c -> describe(c, links)).toList();
    CollectionList list = new CollectionList(links.selfAndAlternates(representation, OFFERED), descriptions);
    return DocumentResponses.ok(request, list, representation, view.visibility());
  }

  @GET
  @Path("/{collectionId}")
  public Response get(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    Collection collection = find(context, collectionId);
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    CollectionDescription description = describe(collection, links);
    List<Link> all = new ArrayList<>(links.selfAndAlternates(representation, OFFERED));
    all.addAll(description.links().stream().filter(l -> !l.rel().equals("self")).toList());
    CollectionDescription linked = withLinks(description, all);
    // the page embeds the collection's catalog entry as JSON-LD (a data block: no script runs, the CSP holds)
    Object document = representation == Representation.HTML
        ? new CollectionPage(linked, datasets.jsonLd(collection, links)) : linked;
    return DocumentResponses.ok(request, document, representation, collection.visibility());
  }

  /** The collection as the caller sees it; one it may not read is as unknown as one that does not exist. */
  static Collection find(ContainerRequestContext context, String collectionId) {
    return CatalogView.of(context).catalog().find(collectionId)
        .orElseThrow(() -> new NotFoundException("There is no collection '" + collectionId + "'"));
  }

  private CollectionDescription describe(Collection collection, LinkBuilder links) {
    List<Link> collectionLinks = new ArrayList<>(List.of(
        links.link("self", Representation.JSON, "This collection", "collections", collection.id()),
        links.link("items", Representation.GEOJSON, "Features as GeoJSON", "collections", collection.id(), "items"),
        links.link("items", Representation.HTML, "Features as HTML", "collections", collection.id(), "items"),
        links.link("http://www.opengis.net/def/rel/ogc/1.0/queryables", Representation.JSON_SCHEMA,
            "Queryables", "collections", collection.id(), "queryables"),
        links.link("http://www.opengis.net/def/rel/ogc/1.0/schema", Representation.JSON_SCHEMA,
            "Schema of the features", "collections", collection.id(), "schema"),
        links.link("http://www.opengis.net/def/rel/ogc/1.0/sortables", Representation.JSON_SCHEMA,
            "Sortables", "collections", collection.id(), "sortables"),
        links.link("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", Representation.JSON,
            "Vector tiles", "collections", collection.id(), "tiles")));
    collectionLinks.addAll(datasets.links(collection, links));
    CollectionDescription description = new CollectionDescription(collection.id(), collection.title(),
        collection.description(), collectionLinks, Extent.of(collection.spatialExtent(), collection.temporalExtent()),
        "feature", crs(collection), Crs.ofStorage(collection.srid()).uri());
    return GeoVolumes.describe(description, collection, tiles, links);
  }

  /** The URIs of the CRSs the collection is offered in as its data is now, as its {@code crs} member lists them. */
  static List<String> crs(Collection collection) {
    return collection.crs().stream().map(Crs::uri).toList();
  }

  private static CollectionDescription withLinks(CollectionDescription d, List<Link> links) {
    return new CollectionDescription(d.id(), d.title(), d.description(), links, d.extent(), d.itemType(), d.crs(),
        d.storageCrs());
  }
}
