package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tileset served over HTTP, walked as a client walks it ({@link TilesetWalk}), from the URI of the tileset through
 * the subtrees and contents its templates name. Every file read may also be kept on disk at its path relative to the
 * tileset (the tileset itself as {@code 3dtiles.json}), as the CesiumGS 3D Tiles validator reads local files only.
 */
public final class ServedTileset {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI tileset;
  private final Path mirror;

  private ServedTileset(URI tileset, Path mirror) {
    this.tileset = tileset;
    this.mirror = mirror;
  }

  /** Walks the tileset at {@code tileset}, whose tiling scheme is {@code scheme}. */
  public static TilesetWalk walk(URI tileset, TilingScheme scheme) throws Exception {
    return walk(tileset, scheme, null);
  }

  /**
   * Walks the tileset and keeps every file read below {@code mirror} (none when null); the tileset's file there is
   * {@code 3dtiles.json}.
   */
  public static TilesetWalk walk(URI tileset, TilingScheme scheme, Path mirror) throws Exception {
    ServedTileset served = new ServedTileset(tileset, mirror);
    JsonNode root = JSON.readTree(served.fetch("3dtiles.json", tileset)).get("root");
    String subtrees = root.at("/implicitTiling/subtrees/uri").asText();
    String contents = root.at("/content/uri").asText();
    return new TilesetWalk(scheme, tile -> served.fetch(uri(subtrees, tile)), tile -> served.fetch(uri(contents, tile)),
        served.fetch("3dtiles/" + TileSchema.WHOLE_FILE)).walk();
  }

  private static String uri(String template, TileId tile) {
    return template.replace("{level}", String.valueOf(tile.level())).replace("{x}", String.valueOf(tile.x()))
        .replace("{y}", String.valueOf(tile.y()));
  }

  /** The file at {@code relative} to the tileset, kept at that path below the mirror. */
  private byte[] fetch(String relative) {
    return fetch(relative, tileset.resolve(relative));
  }

  private byte[] fetch(String file, URI uri) {
    try {
      HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), uri.toString());
      if (mirror != null) {
        Path kept = mirror.resolve(file);
        Files.createDirectories(kept.getParent());
        Files.write(kept, response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(uri.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(uri.toString(), e);
    }
  }
}
