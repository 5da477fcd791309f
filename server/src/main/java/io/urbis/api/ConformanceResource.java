package io.urbis.api;

import io.urbis.encode.ConformanceDeclaration;
import io.urbis.encode.ContentNegotiation;
import io.urbis.encode.Representation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Stream;

/** {@code /conformance}: the conformance classes Urbis implements, and only those (OGC 17-069r4, 7.4). */
@Path("/conformance")
@SameForEveryCaller
public final class ConformanceResource {

  static final List<String> CLASSES = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
      "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
      "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
      "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
      "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
      "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
      "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
      "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
      "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic",
      // OGC 23-058 (Part 5) as QGIS, pygeoapi and ldproxy name its classes: /schema with x-ogc-role, sortby with
      // /sortables
      "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
      "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
      "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/returnables-and-receivables",
      "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/sortables",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/collections-selection",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
      "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
      // OGC API - 3D GeoVolumes (draft 22-029)
      "http://www.opengis.net/spec/ogcapi-geovolumes-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-geovolumes-1/1.0/conf/3d-tiles");

  /**
   * OGC 20-002 (Part 4): POST, PUT, DELETE; PATCH; features as the resources changed, with GeoJSON bodies,
   * Content-Crs and JSON Merge Patch. Declared only where some collection can be changed by someone.
   */
  static final List<String> EDITING_CLASSES = List.of(
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
      "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

  private static final List<Representation> OFFERED = List.of(Representation.JSON, Representation.HTML);

  private final List<String> classes;

  /** @param editable whether some caller may change some collection's features */
  public ConformanceResource(boolean editable) {
    this.classes = editable ? Stream.concat(CLASSES.stream(), EDITING_CLASSES.stream()).toList() : CLASSES;
  }

  @GET
  public Response get(@QueryParam("f") String format, @Context HttpHeaders headers, @Context UriInfo uri,
      @Context Request request) {
    Representation representation = ContentNegotiation.select(format, headers.getAcceptableMediaTypes(), OFFERED);
    ConformanceDeclaration declaration =
        new ConformanceDeclaration(classes, new LinkBuilder(uri).selfAndAlternates(representation, OFFERED));
    return DocumentResponses.ok(request, declaration, representation);
  }
}
