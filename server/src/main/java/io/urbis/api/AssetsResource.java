package io.urbis.api;

import io.urbis.error.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /assets/...}: the map library, Swagger UI and Urbis' own styles, served from the jar so that HTML pages
 * work offline and behind firewalls, never from a CDN.
 */
@Path("/assets")
public final class AssetsResource {

  /** Public folder name to classpath folder; only these are served. */
  private static final Map<String, String> FOLDERS = Map.of(
      "leaflet", "META-INF/resources/webjars/leaflet/1.9.4/dist/",
      "swagger-ui", "META-INF/resources/webjars/swagger-ui/5.34.1/",
      "maplibre", "io/urbis/assets/maplibre/",
      "urbis", "io/urbis/encode/html/",
      "cesium", "assets/cesium/");
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*(/[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*)*");
  private static final Map<String, String> TYPES = Map.of(
      "js", "text/javascript", "css", "text/css", "png", "image/png", "svg", "image/svg+xml",
      "html", "text/html", "map", "application/json", "json", "application/json", "wasm", "application/wasm",
      "jpg", "image/jpeg");

  @GET
  @Path("/{folder}/{file: .+}")
  public Response get(@PathParam("folder") String folder, @PathParam("file") String file) {
    String root = FOLDERS.get(folder);
    if (root == null || !SAFE_PATH.matcher(file).matches()) {
      throw new NotFoundException("No asset " + folder + "/" + file);
    }
    InputStream content = AssetsResource.class.getClassLoader().getResourceAsStream(root + file);
    if (content == null) {
      throw new NotFoundException("No asset " + folder + "/" + file);
    }
    String extension = file.substring(file.lastIndexOf('.') + 1);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(content, TYPES.getOrDefault(extension, "application/octet-stream")).cacheControl(cache)
        .build();
  }
}
