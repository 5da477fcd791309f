package io.urbis.openapi;

import java.util.List;

/**
 * Everything the OpenAPI document depends on, free of server types: the server maps its
 * configuration and catalog (filtered to what the caller may read) into this record.
 *
 * @param title the API title ({@code info.title})
 * @param description the API description; may be {@code null}
 * @param version the API version ({@code info.version})
 * @param serverUrl the public base URL, as clients reach it
 * @param defaultLimit the page size when a request gives no {@code limit}
 * @param maxLimit the largest page size the server returns
 * @param collections the collections to document, in display order
 */
public record ApiDescription(
    String title,
    String description,
    String version,
    String serverUrl,
    int defaultLimit,
    int maxLimit,
    List<CollectionDescription> collections) {

  public ApiDescription {
    requireText("title", title);
    requireText("version", version);
    requireText("serverUrl", serverUrl);
    if (defaultLimit < 1 || defaultLimit > maxLimit) {
      throw new IllegalArgumentException(
          "limits: need 1 <= defaultLimit <= maxLimit, got defaultLimit="
              + defaultLimit + ", maxLimit=" + maxLimit);
    }
    collections = collections == null ? List.of() : List.copyOf(collections);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the API description needs a " + field);
    }
  }
}
