package io.urbis.openapi;

import static io.urbis.openapi.StatusResponse.FOR_COLLECTION_RESOURCE;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
      "f", "bbox", "bbox-crs", "datetime", "limit", "cursor", "crs",
      "filter", "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry", "ids");

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
        get("describeCollection_", "Describe the collection " + label,
            List.of(Refs.parameter("f")), "Collection"));
    paths.put(names.path() + "/items", items(label));
    paths.put(names.path() + "/queryables",
        get("getQueryables_", "Queryables of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put(names.path() + "/schema",
        get("getSchema_", "Schema of the features of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put(names.path() + "/sortables",
        get("getSortables_", "Sortables of " + label, List.of(Refs.parameter("f")), "JsonSchema"));
    paths.put(names.path() + "/items/{featureId}",
        get("getItem_", "Fetch one feature of " + label,
            List.of(Refs.parameter("featureId"), Refs.parameter("f"), Refs.parameter("crs")),
            CollectionSchemas.featureResponse(names)));
    return paths;
  }

  private PathItem get(
      String operationPrefix, String summary, List<Parameter> parameters, String okResponse) {
    return Operations.get(operationPrefix + names.key(), collection.id(), summary,
        parameters, okResponse, FOR_COLLECTION_RESOURCE);
  }

  private PathItem items(String label) {
    PathItem items = get("getItems_", "Fetch features of " + label,
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
    parameters.add(Refs.parameter("f"));
    parameters.add(Refs.parameter("bbox"));
    parameters.add(Refs.parameter("bbox-crs"));
    parameters.add(Refs.parameter("crs"));
    parameters.add(Refs.parameter("datetime"));
    parameters.add(Refs.parameter("filter"));
    parameters.add(Refs.parameter("filter-lang"));
    parameters.add(Refs.parameter("filter-crs"));
    parameters.add(Refs.parameter("properties"));
    parameters.add(Refs.parameter("skipGeometry"));
    parameters.add(Refs.parameter("sortby"));
    parameters.add(Refs.parameter("limit"));
    parameters.add(Refs.parameter("cursor"));
    for (QueryableProperty property : collection.properties()) {
      if (property.isScalar() && !RESERVED_NAMES.contains(property.name())) {
        parameters.add(equalityFilter(property));
      }
    }
    return parameters;
  }

  /** Form style without explode is what QGIS looks for when it lists a server's filters. */
  private static Parameter equalityFilter(QueryableProperty property) {
    return new QueryParameter()
        .name(property.name())
        .description("Only features whose `" + property.name() + "` equals this value.")
        .required(false)
        .style(Parameter.StyleEnum.FORM)
        .explode(false)
        .schema(CollectionSchemas.propertySchema(property));
  }
}
