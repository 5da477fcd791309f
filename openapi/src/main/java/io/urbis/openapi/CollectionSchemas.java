package io.urbis.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Per-collection schemas and responses: the generic GeoJSON feature and feature collection,
 * narrowed so that {@code properties} lists the collection's own properties.
 */
final class CollectionSchemas {

  private CollectionSchemas() {}

  static String featuresResponse(CollectionNames names) {
    return "Features_" + names.key();
  }

  static String featureResponse(CollectionNames names) {
    return "Feature_" + names.key();
  }

  /** Adds the collection's entries; expects the shared building blocks to be present. */
  static void addTo(
      Components components, CollectionDescription collection, CollectionNames names) {
    String properties = "properties_" + names.key();
    String feature = "featureGeoJSON_" + names.key();
    String features = "featureCollectionGeoJSON_" + names.key();
    components.addSchemas(properties, propertiesSchema(collection));
    components.addSchemas(feature,
        narrow("featureGeoJSON", "properties", Refs.schema(properties)));
    components.addSchemas(features,
        narrow("featureCollectionGeoJSON", "features",
            new ArraySchema().items(Refs.schema(feature))));
    ApiResponse items = response(components.getResponses().get("Features"), features);
    // downloads of the whole selection (f=csv, f=gpkg), sent as attachments
    items.getContent()
        .addMediaType("text/csv", new MediaType().schema(new StringSchema()))
        .addMediaType("application/geopackage+sqlite3", new MediaType().schema(new StringSchema().format("binary")));
    components.addResponses(featuresResponse(names), items);
    components.addResponses(featureResponse(names),
        response(components.getResponses().get("Feature"), feature));
  }

  static Schema<?> propertySchema(QueryableProperty property) {
    Schema<Object> schema = new Schema<>().type(property.type()).format(property.format());
    if ("array".equals(property.type())) {
      schema.setItems(new Schema<>()); // OpenAPI 3.0 requires items; element types are unknown
    }
    return schema;
  }

  /** Property values come from database columns, so any of them can be null. */
  private static Schema<?> propertiesSchema(CollectionDescription collection) {
    Schema<Object> schema = new ObjectSchema();
    schema.setNullable(true);
    for (QueryableProperty property : collection.properties()) {
      schema.addProperty(property.name(), propertySchema(property).nullable(true));
    }
    return schema;
  }

  /** {@code base} with one member's schema replaced, as allOf so the base stays the contract. */
  private static Schema<?> narrow(String base, String member, Schema<?> memberSchema) {
    return new ComposedSchema()
        .addAllOfItem(Refs.schema(base))
        .addAllOfItem(new ObjectSchema().addProperty(member, memberSchema));
  }

  private static ApiResponse response(ApiResponse generic, String schema) {
    MediaType geoJson = new MediaType().schema(Refs.schema(schema));
    Content content = new Content()
        .addMediaType("application/geo+json", geoJson)
        .addMediaType("application/json", geoJson)
        .addMediaType("text/html", new MediaType().schema(new StringSchema()));
    return new ApiResponse().description(generic.getDescription()).content(content);
  }
}
