package io.urbis.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of OGC API - Features Part 4 (OGC 20-002) on a collection its reader may change: POST of a feature
 * to its items, PUT, PATCH (JSON Merge Patch) and DELETE of one feature. Only a document for a caller who may write
 * the collection has them.
 */
final class EditingOperations {

  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private EditingOperations() {}

  /** Adds the operations to the collection's items and feature paths, which must be in {@code paths}. */
  static void addTo(Paths paths, CollectionDescription collection, CollectionNames names) {
    String label = "'" + collection.label() + "'";
    Schema<?> feature = Refs.schema("featureGeoJSON_" + names.key());
    PathItem items = paths.get(names.path() + "/items");
    items.post(operation(names.operationId("createFeature"), collection, "Add a feature to " + label,
        List.of(contentCrs(collection)), body(feature, "application/geo+json", "application/json"),
        responses("201", "The feature was added; Location names it, ETag its version.", true)
            .addApiResponse("409", error("A value the collection keeps unique, such as the id, is taken."))));
    PathItem item = paths.get(names.path() + "/items/{featureId}");
    item.put(operation(names.operationId("replaceFeature"), collection, "Replace a feature of " + label,
        List.of(Refs.parameter("featureId"), contentCrs(collection), ifMatch()),
        body(feature, "application/geo+json", "application/json"), conditional(responses("204",
            "The feature was replaced; ETag is its new version.", true))));
    item.patch(operation(names.operationId("updateFeature"), collection,
        "Change a feature of " + label + " with a JSON Merge Patch (RFC 7396)",
        List.of(Refs.parameter("featureId"), contentCrs(collection), ifMatch()),
        body(new ObjectSchema(), "application/merge-patch+json"), conditional(responses("204",
            "The feature was changed; ETag is its new version.", true))));
    item.delete(operation(names.operationId("deleteFeature"), collection, "Delete a feature of " + label,
        List.of(Refs.parameter("featureId"), ifMatch()),
        null, conditional(responses("204", "The feature was deleted.", false))));
  }

  private static Operation operation(String id, CollectionDescription collection, String summary,
      List<Parameter> parameters, RequestBody body, ApiResponses responses) {
    return new Operation().operationId(id).addTagsItem(collection.id()).summary(summary)
        .parameters(new ArrayList<>(parameters)).requestBody(body).responses(responses);
  }

  private static RequestBody body(Schema<?> schema, String... mediaTypes) {
    MediaType type = new MediaType().schema(schema);
    Content content = new Content();
    for (String mediaType : mediaTypes) {
      content.addMediaType(mediaType, type);
    }
    return new RequestBody().required(true).content(content);
  }

  /** The CRS of the body's coordinates: one of the collection's, in its axis order; CRS84 without it. */
  private static Parameter contentCrs(CollectionDescription collection) {
    List<String> accepted = new ArrayList<>(List.of(CRS84));
    collection.crs().stream().filter(crs -> !crs.equals(CRS84)).forEach(accepted::add);
    StringSchema schema = new StringSchema();
    schema.setEnum(accepted.stream().map(crs -> "<" + crs + ">").toList());
    return new HeaderParameter().name("Content-Crs").required(false).schema(schema).description("The CRS of the"
        + " coordinates in the body, from the collection's `crs` list, in that system's axis order (latitude first"
        + " for EPSG:4326); CRS84 without it.");
  }

  private static Parameter ifMatch() {
    return new HeaderParameter().name("If-Match").required(false).schema(new StringSchema()).description("The ETag"
        + " of the feature as the client read it: the change is made only if the feature has not changed since"
        + " (else 412). Some collections take no change without it (428).");
  }

  private static ApiResponses responses(String status, String description, boolean tagged) {
    ApiResponse success = new ApiResponse().description(description);
    if (tagged) {
      success.addHeaderObject("ETag", new Header().schema(new StringSchema()));
    }
    if (status.equals("201")) {
      success.addHeaderObject("Location", new Header().schema(new StringSchema().format("uri")));
    }
    return new ApiResponses().addApiResponse(status, success)
        .addApiResponse("400", error("The body is no feature the collection takes; the description lists every"
            + " problem."))
        .addApiResponse("401", error("Credentials are needed."))
        .addApiResponse("403", error("The caller may not change this collection, or not so."))
        .addApiResponse("404", Refs.response(StatusResponse.NOT_FOUND.component))
        .addApiResponse("413", error("The body is too large."))
        .addApiResponse("415", error("The body is of a media type not taken."))
        .addApiResponse("500", Refs.response(StatusResponse.SERVER_ERROR.component));
  }

  private static ApiResponses conditional(ApiResponses responses) {
    return responses
        .addApiResponse("412", error("If-Match does not hold: the feature has changed since, or is gone."))
        .addApiResponse("428", error("The collection takes no change without If-Match."));
  }

  private static ApiResponse error(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
        new MediaType().schema(Refs.schema("exception"))));
  }
}
