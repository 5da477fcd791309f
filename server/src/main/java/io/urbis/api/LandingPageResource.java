package io.urbis.api;

import io.urbis.encode.LandingPage;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code /}: the landing page (OGC 17-069r4, 7.2), with the links QGIS and GDAL read first. */
@Path("/")
@SameForEveryCaller
public final class LandingPageResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON, Representation.HTML);
  private static final String OGC_REL = "http://www.opengis.net/def/rel/ogc/1.0/";

  private final ApiSettings settings;

  public LandingPageResource(ApiSettings settings) {
    this.settings = settings;
  }

  @GET
  public Response get(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    Representation representation =
        io.urbis.encode.ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
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
    LandingPage page = new LandingPage(settings.title(), settings.description(), all);
    return DocumentResponses.ok(request, page, representation);
  }
}
