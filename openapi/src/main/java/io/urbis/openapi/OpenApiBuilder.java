package io.urbis.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the OpenAPI 3.0 document of an OGC API - Features (Part 1), Tiles and 3D Tiles service: the shared building
 * blocks from YAML resources plus one set of paths, schemas and responses per collection. The
 * result is self-contained: every {@code $ref} points into its own components.
 */
public final class OpenApiBuilder {

  static final String OPENAPI_VERSION = "3.0.3";

  private OpenApiBuilder() {}

  /**
   * A new document; the caller owns it and may change it.
   *
   * @throws IllegalArgumentException if two collection ids map to the same component name
   */
  public static OpenAPI build(ApiDescription api) {
    requireDistinctKeys(api.collections());
    OpenAPI document = new OpenAPI()
        .openapi(OPENAPI_VERSION)
        .info(new Info().title(api.title()).description(api.description()).version(api.version()))
        .servers(List.of(new Server().url(api.serverUrl())))
        .addTagsItem(new Tag().name(ServerPaths.TAG).description("About the server and its data"))
        .addTagsItem(new Tag().name(TilePaths.TAG).description("Vector tiles of all collections"))
        .paths(new Paths())
        .components(sharedComponents(api));
    ServerPaths.all().forEach(document.getPaths()::addPathItem);
    TilePaths.forServer().forEach(document.getPaths()::addPathItem);
    api.collections().forEach(collection -> addCollection(document, collection));
    return document;
  }

  private static Components sharedComponents(ApiDescription api) {
    Map<String, Parameter> parameters = BuildingBlocks.parameters();
    // QGIS takes its page size and the largest page from here
    Schema<?> limit = parameters.get("limit").getSchema();
    limit.setMaximum(BigDecimal.valueOf(api.maxLimit()));
    limit.setDefault(api.defaultLimit());
    // Swagger reads a schema without a type as an object: bbox's oneOf options bound the length of an array only
    Schema<?> bbox = parameters.get("bbox").getSchema();
    bbox.getOneOf().forEach(option -> option.setType(null));
    return new Components()
        .parameters(parameters)
        .schemas(BuildingBlocks.schemas())
        .responses(BuildingBlocks.responses());
  }

  private static void addCollection(OpenAPI document, CollectionDescription collection) {
    CollectionNames names = CollectionNames.of(collection.id());
    new CollectionPaths(collection, names).all().forEach(document.getPaths()::addPathItem);
    if (collection.writable()) {
      EditingOperations.addTo(document.getPaths(), collection, names);
    }
    TilePaths.forCollection(names, collection).forEach(document.getPaths()::addPathItem);
    if (collection.has3dTiles()) {
      Tiles3dPaths.forCollection(names, collection).forEach(document.getPaths()::addPathItem);
    }
    CollectionSchemas.addTo(document.getComponents(), collection, names);
    document.addTagsItem(new Tag().name(collection.id()).description(collection.label()));
  }

  private static void requireDistinctKeys(List<CollectionDescription> collections) {
    Map<String, String> idByKey = new HashMap<>();
    for (CollectionDescription collection : collections) {
      String key = CollectionNames.of(collection.id()).key();
      String earlier = idByKey.putIfAbsent(key, collection.id());
      if (earlier != null) {
        throw new IllegalArgumentException("collections '" + earlier + "' and '" + collection.id()
            + "' both become '" + key + "' in the OpenAPI document; give one another id");
      }
    }
  }
}
