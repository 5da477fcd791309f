package io.urbis.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of every error response (OGC 17-069r4, 7.5.1): a {@code code}, a {@code description} and, where the
 * request got one, its id — whether Jersey maps the error or Jetty refuses the request before any resource sees it.
 */
public record OgcExceptionDocument(String code, String description, String requestId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The code for an HTTP status that no exception of ours named. */
  public static String codeOf(int status) {
    return switch (status) {
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 415 -> "UnsupportedMediaType";
      default -> status >= 500 ? "ServerError" : "InvalidRequest";
    };
  }

  public Map<String, Object> toMap() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("code", code);
    document.put("description", description);
    if (requestId != null) {
      document.put("requestId", requestId);
    }
    return document;
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}
