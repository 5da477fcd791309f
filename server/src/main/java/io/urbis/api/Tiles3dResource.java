package io.urbis.api;

import io.urbis.cache.TileBytes;
import io.urbis.catalog.Collection;
import io.urbis.error.InvalidParameterException;
import io.urbis.error.NotFoundException;
import io.urbis.tiles3d.TileId;
import io.urbis.tiles3d.Tiles3dService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * {@code /collections/{collectionId}/3dtiles}: 3D Tiles 1.1 with implicit quadtree tiling (OGC 22-025r4), linked
 * from the collection as OGC API - 3D GeoVolumes (draft 22-029) asks. Tile and subtree requests ignore query
 * parameters: 3D Tiles clients pass the tileset's own on to them.
 */
@Path("/collections/{collectionId}/3dtiles")
public final class Tiles3dResource {

  /** The media type OGC API - 3D GeoVolumes gives a 3D Tiles tileset. */
  public static final String TILESET_TYPE = "application/json+3dtiles";
  static final String GLB_TYPE = "model/gltf-binary";
  static final String SUBTREE_TYPE = "application/octet-stream";
  /** Tiles change with the data: clients revalidate after a minute (cheap, thanks to ETags). */
  private static final CacheControl CACHE = CacheControl.valueOf("max-age=60");

  private final Tiles3dService tiles;

  public Tiles3dResource(Tiles3dService tiles) {
    this.tiles = tiles;
  }

  @GET
  public Response tileset(@PathParam("collectionId") String collectionId, @Context Request request,
      @Context HttpHeaders headers, @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    return respond(request, headers, tiles.tileset(collection), TILESET_TYPE, collection);
  }

  /** The metadata schema of the tiles' property tables, which every tile names by its schemaUri. */
  @GET
  @Path("/schema.json")
  public Response schema(@PathParam("collectionId") String collectionId, @Context Request request,
      @Context HttpHeaders headers, @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    return respond(request, headers, tiles.schema(collection), MediaType.APPLICATION_JSON, collection);
  }

  /**
   * The same schema under a name of its own, which the tiles of a collection narrowed for the caller name, so that no
   * client keeps one audience's schema for another's; a name that is not the caller's is a 404.
   */
  @GET
  @Path("/schema-{tag}.json")
  public Response narrowedSchema(@PathParam("collectionId") String collectionId, @PathParam("tag") String tag,
      @Context Request request, @Context HttpHeaders headers, @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    return respond(request, headers, tiles.schema(collection, "schema-" + tag + ".json"),
        MediaType.APPLICATION_JSON, collection);
  }

  @GET
  @Path("/subtrees/{level}/{x}/{y}.subtree")
  @ParsesItsOwnParameters
  public Response subtree(@PathParam("collectionId") String collectionId, @PathParam("level") String level,
      @PathParam("x") String x, @PathParam("y") String y, @Context Request request, @Context HttpHeaders headers,
      @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    return respond(request, headers, tiles.subtree(collection, tile(level, x, y)), SUBTREE_TYPE,
        collection);
  }

  @GET
  @Path("/content/{level}/{x}/{y}.glb")
  @ParsesItsOwnParameters
  public Response content(@PathParam("collectionId") String collectionId, @PathParam("level") String level,
      @PathParam("x") String x, @PathParam("y") String y, @Context Request request, @Context HttpHeaders headers,
      @Context ContainerRequestContext context) {
    Collection collection = CollectionsResource.find(context, collectionId);
    return respond(request, headers, tiles.content(collection, tile(level, x, y)), GLB_TYPE,
        collection);
  }

  /** The tile address; numbers that are no tile of the quadtree are a 404, text that is no number a 400. */
  private static TileId tile(String level, String x, String y) {
    TileId tile = new TileId((int) number("level", level, 30), number("x", x, Long.MAX_VALUE),
        number("y", y, Long.MAX_VALUE));
    if (!tile.isWithinLevel()) {
      throw new NotFoundException("There is no tile " + level + "/" + x + "/" + y + ": x and y run from 0 to"
          + " 2^level - 1");
    }
    return tile;
  }

  private static long number(String name, String text, long max) {
    try {
      long value = Long.parseLong(text);
      if (value < 0 || value > max) {
        throw new NotFoundException("There is no tile with " + name + " " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, "'" + text + "' is not a tile number");
    }
  }

  /** The tile, tagged for the audience the collection was narrowed for (see {@link DocumentResponses}). */
  private static Response respond(Request request, HttpHeaders headers, TileBytes tile, String mediaType,
      Collection collection) {
    return TileResponses.of(request, headers, tile, mediaType, CACHE, collection.visibility());
  }
}
