package io.urbis.api;

import io.urbis.cache.TileBytes;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** Responses with a cached tile, vector or 3D: strong entity tags, 304 on a match, gzip from the cache. */
final class TileResponses {

  private TileResponses() {}

  /**
   * The tile, gzipped when the client accepts it: the cache holds both forms, so nothing is compressed per request
   * (the server's compression handler leaves responses that carry a Content-Encoding alone). Each form has its own
   * strong tag, which for a tile shaped by access rules also holds its {@code visibility} (see
   * {@link DocumentResponses}); the whole data's tiles keep the tag of their bytes.
   */
  static Response of(Request request, HttpHeaders headers, TileBytes tile, String mediaType, CacheControl cache,
      String visibility) {
    boolean gzip = acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
    String value = visibility.isEmpty() ? tile.entityTag()
        : DocumentResponses.hash(tile.entityTag().getBytes(StandardCharsets.UTF_8), visibility);
    EntityTag tag = new EntityTag(gzip ? value + "-gzip" : value);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }
    Response.ResponseBuilder ok = Response.ok(gzip ? tile.gzipped() : tile.content(), mediaType).tag(tag)
        .cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    return gzip ? ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").build() : ok.build();
  }

  /** Whether Accept-Encoding lists gzip (or *) without refusing it by q=0. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.trim().split(";");
      String name = parts[0].trim();
      boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
      if ((name.equalsIgnoreCase("gzip") || name.equals("*")) && !refused) {
        return true;
      }
    }
    return false;
  }
}
