package io.urbis.conformance.support;

import java.util.Locale;

/** The media types of OGC API – Features Part 1 and the OpenAPI 3.0 document. */
public final class MediaTypes {

  public static final String JSON = "application/json";
  public static final String GEOJSON = "application/geo+json";
  public static final String HTML = "text/html";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json";
  public static final String OPENAPI_JSON_30 = "application/vnd.oai.openapi+json;version=3.0";
  public static final String JSON_OR_GEOJSON = GEOJSON + ", " + JSON + ";q=0.9";

  private MediaTypes() {}

  /** {@code "Application/JSON; charset=UTF-8"} becomes {@code "application/json"}. */
  public static String essence(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** Compares media types with their parameters, ignoring case and white space around the separators. */
  public static boolean same(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  private static String normalized(String mediaType) {
    return mediaType.replaceAll("\\s*;\\s*", ";").replaceAll("\\s*=\\s*", "=").trim().toLowerCase(Locale.ROOT);
  }
}
