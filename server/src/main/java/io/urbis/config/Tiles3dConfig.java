package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The {@code tiles3d} key of the configuration.
 *
 * @param geoidOffset metres added to stored heights to make them ellipsoidal (default 0; about 47 for German
 *     heights above sea level, NHN)
 * @param extrude by collection id, the columns that raise 2D footprints to block models
 */
public record Tiles3dConfig(
    @JsonProperty("geoidOffset") Double geoidOffset,
    @JsonProperty("extrude") Map<String, Extrude> extrude) {

  /**
   * One extruded collection.
   *
   * @param height the column with the building's height in metres (required)
   * @param base the column with the height of its ground, or none for 0
   */
  public record Extrude(@JsonProperty("height") String height, @JsonProperty("base") String base) {}

  public static final Tiles3dConfig DEFAULTS = new Tiles3dConfig(0.0, Map.of());

  Tiles3dConfig orElse(Tiles3dConfig fallback) {
    return new Tiles3dConfig(geoidOffset != null ? geoidOffset : fallback.geoidOffset,
        extrude != null ? extrude : fallback.extrude);
  }

  void validate() {
    extrude.forEach((collection, columns) -> {
      if (columns == null || columns.height() == null || columns.height().isBlank()) {
        throw new ConfigException("tiles3d.extrude." + collection + ".height is missing: name the column that"
            + " holds the building height in metres");
      }
    });
  }
}
