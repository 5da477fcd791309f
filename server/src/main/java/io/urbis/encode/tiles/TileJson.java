package io.urbis.encode.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A TileJSON 3.0.0 document: how web map libraries find the tiles of a tile set in WebMercatorQuad. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TileJson(
    @JsonProperty("tilejson") String version,
    @JsonProperty("name") String name,
    @JsonProperty("tiles") List<String> tiles,
    @JsonProperty("minzoom") int minZoom,
    @JsonProperty("maxzoom") int maxZoom,
    @JsonProperty("bounds") double[] bounds,
    @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {

  /**
   * A layer and its fields, each with a short description (TileJSON takes the JSON type), and the first zoom from
   * which its tiles hold every feature with its whole geometry (coarser ones may be reduced to fit the tile budget),
   * when known: {@code completezoom}, a member TileJSON 3.0.0 (3.3) allows beside its own.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VectorLayer(@JsonProperty("id") String id, @JsonProperty("description") String description,
      @JsonProperty("fields") Map<String, String> fields, @JsonProperty("completezoom") Integer completeZoom) {}
}
