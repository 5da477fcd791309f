package io.urbis.api;

import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Representation;
import io.urbis.encode.tiles.TileLink;
import io.urbis.encode.tiles.TileMatrixSetDocument;
import io.urbis.encode.tiles.TileMatrixSetList;
import io.urbis.tiles.TileMatrixSets;
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

/** {@code /tileMatrixSets}: the tiling schemes of the tiles (OGC 20-057 with OGC 17-083r4 encodings). */
@Path("/tileMatrixSets")
@SameForEveryCaller
public final class TileMatrixSetsResource {

  private static final List<Representation> OFFERED = List.of(Representation.JSON);
  private static final String JSON = "application/json";

  @GET
  public Response list(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    LinkBuilder links = new LinkBuilder(uri);
    List<TileMatrixSetList.Entry> entries = TileMatrixSets.all().stream().map(set -> new TileMatrixSetList.Entry(
        set.id(), set.title(), set.uri(), set.crs(), List.of(TileLink.of(links.path("tileMatrixSets", set.id()),
            "self", JSON, "The tile matrix set")))).toList();
    TileMatrixSetList list = new TileMatrixSetList(entries,
        List.of(TileLink.of(links.path("tileMatrixSets"), "self", JSON, "This document")));
    return DocumentResponses.ok(request, list, Representation.JSON);
  }

  @GET
  @Path("/{tileMatrixSetId}")
  public Response get(@PathParam("tileMatrixSetId") String id, @QueryParam("f") String format,
      @Context HttpHeaders headers, @Context Request request) {
    ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    TileMatrixSetDocument document = TileMatrixSetDocument.of(TileSetEndpoints.tileMatrixSet(id));
    return DocumentResponses.ok(request, document, Representation.JSON);
  }
}
