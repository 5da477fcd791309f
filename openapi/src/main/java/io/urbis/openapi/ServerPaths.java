package io.urbis.openapi;

import static io.urbis.openapi.StatusResponse.FOR_SERVER_RESOURCE;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The paths that do not depend on the collections: landing page, conformance, API, list, catalog. */
final class ServerPaths {

  static final String TAG = "Capabilities";

  private ServerPaths() {}

  static Map<String, PathItem> all() {
    List<Parameter> format = List.of(Refs.parameter("f"));
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put("/", get("getLandingPage", "Landing page", format, "LandingPage"));
    paths.put("/conformance",
        get("getConformanceDeclaration", "Conformance classes implemented by this server",
            format, "ConformanceDeclaration"));
    paths.put("/api", get("getApiDefinition", "This API definition", format, "ApiDefinition"));
    paths.put("/collections",
        get("getCollections", "The feature collections", format, "Collections"));
    paths.put("/catalog", get("getCatalog", "The collections as a DCAT-AP.de catalog",
        List.of(Refs.parameter("catalogFormat"), Refs.parameter("page")), "Catalog"));
    return paths;
  }

  private static PathItem get(
      String operationId, String summary, List<Parameter> parameters, String okResponse) {
    return Operations.get(
        operationId, TAG, summary, parameters, okResponse, FOR_SERVER_RESOURCE);
  }
}
