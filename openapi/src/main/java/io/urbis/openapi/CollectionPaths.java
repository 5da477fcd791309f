package io.urbis.openapi;

import static io.urbis.openapi.StatusResponse.FOR_COLLECTION_RESOURCE;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paths of one collection, with the id written into the path rather than templated:
 * clients such as QGIS read each collection's items parameters from its own path.
 */
final class CollectionPaths {

  /** Names of the API's own query parameters; a property with such a name gets no filter. */
  private static final Set<String> RESERVED_NAMES = Set.of(
      "f", "bbox", "bbox-crs", "datetime", "limit", "offset", "cursor", "crs",
      "filter", "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry", "ids");
  /** The CRS of geometries in a filter that names none (OGC 19-079r2, filter-crs). */
  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private final CollectionDescription collection;
  private final CollectionNames names;

  CollectionPaths(CollectionDescription collection, CollectionNames names) {
    this.collection = collection;
    this.names = names;
  }

  Map<String, PathItem> all() {
    String label = "'" + collection.label() + "'";
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put(names.path(),
        get("getCollection", "Describe the collection " + label,
            List.of(Refs.parameter("f")), "Collection"));
    paths.put(names.path() + "/items", items(label));
    paths.put(names.path() + "/queryables",
        get("getQueryables", "Queryables of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put(names.path() + "/schema",
        get("getSchema", "Schema of the features of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put(names.path() + "/sortables",
        get("getSortables", "Sortables of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put("/catalog/" + names.path().substring("/collections/".length()),
        get("getCatalogDataset", "Describe " + label + " as a DCAT-AP.de dataset",
            List.of(Refs.parameter("catalogFormat")), "Catalog"));
    paths.put(names.path() + "/items/{featureId}",
        get("getFeature", "Fetch one feature of " + label,
            List.of(Refs.parameter("featureId"), Refs.parameter("f"), Refs.parameter("crs")),
            CollectionSchemas.featureResponse(names)));
    return paths;
  }

  private PathItem get(
      String operation, String summary, List<Parameter> parameters, String okResponse) {
    return Operations.get(names.operationId(operation), collection.id(), summary,
        parameters, okResponse, FOR_COLLECTION_RESOURCE);
  }

  private PathItem items(String label) {
    PathItem items = get("getFeatures", "Fetch features of " + label,
        itemsParameters(), CollectionSchemas.featuresResponse(names));
    if (!collection.hasTemporal()) {
      // Core requires datetime on every collection; say why it has no effect here
      items.getGet().description(
          "The features of this collection have no time, so `datetime` selects all of them.");
    }
    return items;
  }

  private List<Parameter> itemsParameters() {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(Refs.parameter("itemsFormat"));
    parameters.add(Refs.parameter("bbox"));
    parameters.add(Refs.parameter("bbox-crs"));
    parameters.add(Refs.parameter("crs"));
    parameters.add(Refs.parameter("datetime"));
    parameters.add(Refs.parameter("filter"));
    parameters.add(Refs.parameter("filter-lang"));
    parameters.add(filterCrs());
    parameters.add(Refs.parameter("properties"));
    parameters.add(Refs.parameter("skipGeometry"));
    parameters.add(Refs.parameter("sortby"));
    parameters.add(Refs.parameter("limit"));
    parameters.add(Refs.parameter("offset"));
    parameters.add(Refs.parameter("cursor"));
    for (QueryableProperty property : collection.properties()) {
      if (property.isScalar() && !RESERVED_NAMES.contains(property.name())) {
        parameters.add(equalityFilter(property));
      }
    }
    return parameters;
  }

  /** The collection's own CRS list, so it is written here rather than shared; CRS84, the default, comes first. */
  private Parameter filterCrs() {
    Set<String> accepted = new LinkedHashSet<>();
    accepted.add(CRS84);
    accepted.addAll(collection.crs());
    Schema<String> schema = new StringSchema().format("uri")._default(CRS84);
    schema.setEnum(List.copyOf(accepted));
    return queryParameter("filter-crs", "The CRS of the geometries in `filter` (OGC API - Features Part 3), as a "
        + "URI from the collection's `crs` list; their coordinates follow that system's axis order: latitude first "
        + "for EPSG:4326. Without it, CRS84 (longitude, latitude).", schema);
  }

  private static Parameter equalityFilter(QueryableProperty property) {
    return queryParameter(property.name(), "Only features whose `" + property.name() + "` equals this value.",
        CollectionSchemas.propertySchema(property));
  }

  /** Form style without explode, as the shared parameters; QGIS looks for it when it lists a server's filters. */
  private static Parameter queryParameter(String name, String description, Schema<?> schema) {
    return new QueryParameter()
        .name(name)
        .description(description)
        .required(false)
        .style(Parameter.StyleEnum.FORM)
        .explode(false)
        .schema(schema);
  }
}
