package io.urbis.api;

import io.urbis.access.CatalogView;
import io.urbis.catalog.Collection;
import io.urbis.dcat.DcatCatalog;
import io.urbis.dcat.RdfDocuments;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Representation;
import io.urbis.error.InvalidParameterException;
import io.urbis.error.NotFoundException;
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

/**
 * {@code /catalog}: the collections the caller may read as a DCAT-AP.de 2.0 catalog, for open data portals to
 * harvest, as RDF/XML, Turtle or JSON-LD ({@code f=rdf|ttl|jsonld} or {@code Accept}), paged with Hydra; and
 * {@code /catalog/{collectionId}}: one collection's dataset alone. Both are tagged with the caller's view, as they
 * list only what it shows.
 */
@Path("/catalog")
public final class CatalogResource {

  private final CatalogDatasets datasets;

  public CatalogResource(CatalogDatasets datasets) {
    this.datasets = datasets;
  }

  @GET
  public Response catalog(@QueryParam("f") String format, @QueryParam("page") String page,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    Representation representation = negotiate(format, headers);
    CatalogView view = CatalogView.of(context);
    List<Collection> collections = view.catalog().collections();
    int pageSize = datasets.pageSize();
    int pages = Math.max(1, (collections.size() + pageSize - 1) / pageSize);
    int number = pageNumber(page, pages);
    List<DcatCatalog.Dataset> shown = collections
        .subList((number - 1) * pageSize, Math.min(collections.size(), number * pageSize)).stream()
        .map(datasets::dataset).toList();
    LinkBuilder links = new LinkBuilder(uri);
    DcatCatalog.Page where = new DcatCatalog.Page(number, pages, collections.size());
    byte[] body = RdfDocuments.bytes(datasets.catalog().page(links::path, shown, where), representation);
    return DocumentResponses.tagged(request, body, body, representation, view.visibility());
  }

  @GET
  @Path("/{collectionId}")
  public Response dataset(@PathParam("collectionId") String collectionId, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context UriInfo uri, @Context Request request,
      @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    Representation representation = negotiate(format, headers);
    LinkBuilder links = new LinkBuilder(uri);
    byte[] body = RdfDocuments.bytes(datasets.catalog().dataset(links::path, datasets.dataset(collection)),
        representation);
    return DocumentResponses.tagged(request, body, body, representation, collection.visibility());
  }

  private static Representation negotiate(String format, HttpHeaders headers) {
    return ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), RdfDocuments.OFFERED);
  }

  private static int pageNumber(String page, int pages) {
    if (page == null) {
      return 1;
    }
    int number;
    try {
      number = Integer.parseInt(page);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("page", "'" + page + "' is not a whole number; pages count from 1");
    }
    if (number < 1) {
      throw new InvalidParameterException("page", "pages count from 1");
    }
    if (number > pages) {
      throw new NotFoundException("There is no page " + number + " of the catalog; it has " + pages);
    }
    return number;
  }
}
