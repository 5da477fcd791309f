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
 * work offline and behind firewalls, never from a CDN. Only files of the web types below are served, and only from
 * folders that hold nothing but assets: never a class, source or configuration file of the jar.
 */
@Path("/assets")
@SameForEveryCaller
public final class AssetsResource {

  /** Public folder name to classpath folder; only these are served. */
  private static final Map<String, String> FOLDERS = Map.of(
      "leaflet", "META-INF/resources/webjars/leaflet/1.9.4/dist/",
      "swagger-ui", "META-INF/resources/webjars/swagger-ui/5.34.1/",
      "maplibre", "io/urbis/assets/maplibre/",
      "urbis", "io/urbis/assets/urbis/",
      "cesium", "assets/cesium/");
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*(/[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*)*");
  /** The media type of each file type served; a file of any other type is not an asset. */
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("js", "text/javascript"), Map.entry("css", "text/css"), Map.entry("png", "image/png"),
      Map.entry("svg", "image/svg+xml"), Map.entry("html", "text/html"), Map.entry("map", "application/json"),
      Map.entry("json", "application/json"), Map.entry("wasm", "application/wasm"), Map.entry("jpg", "image/jpeg"),
      Map.entry("gif", "image/gif"));

  @GET
  @Path("/{folder}/{file: .+}")
  public Response get(@PathParam("folder") String folder, @PathParam("file") String file) {
    String root = FOLDERS.get(folder);
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    InputStream content = root == null || type == null || !SAFE_PATH.matcher(file).matches() ? null
        : AssetsResource.class.getClassLoader().getResourceAsStream(root + file);
    if (content == null) {
      throw new NotFoundException("No asset " + folder + "/" + file);
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(content, type).cacheControl(cache).build();
  }
}
