package io.urbis.api;

import io.urbis.access.CatalogView;
import io.urbis.dcat.RdfDocuments;
import io.urbis.encode.CollectionEntry;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.DatasetOverview;
import io.urbis.encode.LandingPage;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import io.urbis.heatplan.HeatPlans;
import io.urbis.tiles.TileMatrixSets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /}: the landing page (OGC 17-069r4, 7.2), with the links QGIS and GDAL read first. Its HTML form also maps
 * the vector tiles of every collection the caller sees and lists those collections, the layers of heat plans apart,
 * so it depends on the caller's view (and is tagged with it) in both forms, though the JSON lists links alone.
 */
@Path("/")
public final class LandingPageResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON, Representation.HTML);
  private static final String OGC_REL = "http://www.opengis.net/def/rel/ogc/1.0/";

  private final ApiSettings settings;
  private final Tiles3dService tiles3d;

  public LandingPageResource(ApiSettings settings, Tiles3dService tiles3d) {
    this.settings = settings;
    this.tiles3d = tiles3d;
  }

  @GET
  public Response get(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request, @Context ContainerRequestContext context) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    List<Link> all = new ArrayList<>(links.selfAndAlternates(representation, OFFERED));
    all.add(links.link("service-desc", Representation.OPENAPI_JSON, "The API definition (OpenAPI 3.0)", "api"));
    all.add(links.link("service-doc", Representation.HTML, "The API documentation", "api"));
    all.add(links.link("conformance", Representation.JSON, "Conformance classes", "conformance"));
    all.add(links.link(OGC_REL + "conformance", Representation.JSON, "Conformance classes", "conformance"));
    all.add(links.link("data", Representation.JSON, "Collections", "collections"));
    all.add(links.link(OGC_REL + "data", Representation.JSON, "Collections", "collections"));
    all.add(links.link(OGC_REL + "tilesets-vector", Representation.JSON, "Vector tiles of all collections", "tiles"));
    all.add(links.link(OGC_REL + "tiling-schemes", Representation.JSON, "Tile matrix sets", "tileMatrixSets"));
    for (Representation catalog : RdfDocuments.OFFERED) {
      all.add(links.link("describedby", catalog, "The catalog of the collections (DCAT-AP.de) as " + catalog.title(),
          "catalog"));
    }
    LandingPage page = new LandingPage(settings.title(), settings.description(), all);
    CatalogView view = CatalogView.of(context);
    Object document = representation == Representation.HTML ? overview(page, view, links) : page;
    return DocumentResponses.ok(request, document, representation, view.visibility());
  }

  /**
   * The HTML page's content: the map of the dataset's vector tiles (the view's collections), the collections and,
   * apart, those that are layers of a heat plan.
   */
  private DatasetOverview overview(LandingPage page, CatalogView view, LinkBuilder links) {
    Map<Boolean, List<CollectionEntry>> byKind = view.catalog().collections().stream()
        .collect(Collectors.partitioningBy(HeatPlans::isLayer,
            Collectors.mapping(c -> CollectionEntries.of(c, links, tiles3d.offers(c)), Collectors.toList())));
    String style = view.catalog().collections().isEmpty() ? null
        : links.path("tiles", TileMatrixSets.WEB_MERCATOR_QUAD.id(), "style");
    return new DatasetOverview(page, style, byKind.get(false), byKind.get(true));
  }
}
