package io.urbis.openapi;

import java.nio.charset.StandardCharsets;

/**
 * How a collection id appears in the document. Ids come from table names and configuration, so
 * they may hold characters that a URL path or a component name does not allow.
 *
 * @param id the collection id
 * @param key the id reduced to {@code [A-Za-z0-9._-]}, for component names and operation ids
 * @param path the collection's path, {@code /collections/} plus the percent-encoded id
 */
record CollectionNames(String id, String key, String path) {

  static CollectionNames of(String id) {
    return new CollectionNames(id, componentKey(id), "/collections/" + pathSegment(id));
  }

  /**
   * The operation's id in this collection: the key, a dot, then the operation, e.g. {@code buildings.getFeatures}
   * or {@code buildings.collection.vector.getTile}. The key prefixes every operation of the collection the way
   * OGC 20-057 (clause 14, operationId suffixes) prefixes its suffixes, so the ids stay unique across collections.
   */
  String operationId(String operation) {
    return key + "." + operation;
  }

  /** OpenAPI restricts component names to {@code ^[a-zA-Z0-9.\-_]+$}. */
  private static String componentKey(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Keeps RFC 3986 unreserved characters and percent-encodes every other UTF-8 byte. */
  private static String pathSegment(String id) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
