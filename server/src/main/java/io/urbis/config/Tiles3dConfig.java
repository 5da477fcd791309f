package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code tiles3d} key of the configuration.
 *
 * @param geoidOffset metres added to stored heights to make them ellipsoidal (default 0; about 47 for German
 *     heights above sea level, NHN)
 * @param extrude by collection id, the columns that raise 2D footprints to block models
 * @param properties by collection id, the properties its tiles carry besides the feature id (default: all)
 * @param normals whether tiles carry vertex normals (default false: glTF clients compute flat normals themselves,
 *     as glTF requires of them; CesiumJS draws a mesh without normals unlit unless given a shader, as the server's
 *     own 3D view does)
 * @param compress whether vertex and index data are compressed with EXT_meshopt_compression (default true;
 *     CesiumJS and loaders.gl decode it)
 * @param heightColumns the height columns that raise 2D footprints without an {@code extrude} entry: a collection of
 *     polygons without Z that has a numeric property of one of these names is extruded by the first of them, from 0
 *     (default {@code height_m}, the demo city's, and {@code measured_height}, CityGML's measuredHeight as the
 *     importer and many building layers name it; empty for none)
 */
public record Tiles3dConfig(
    @JsonProperty("geoidOffset") Double geoidOffset,
    @JsonProperty("extrude") Map<String, Extrude> extrude,
    @JsonProperty("properties") Map<String, List<String>> properties,
    @JsonProperty("normals") Boolean normals,
    @JsonProperty("compress") Boolean compress,
    @JsonProperty("heightColumns") List<String> heightColumns) {

  /**
   * One extruded collection.
   *
   * @param height the column with the building's height in metres (required)
   * @param base the column with the height of its ground, or none for 0
   */
  public record Extrude(@JsonProperty("height") String height, @JsonProperty("base") String base) {}

  public static final Tiles3dConfig DEFAULTS = new Tiles3dConfig(0.0, Map.of(), Map.of(), false, true,
      List.of("height_m", "measured_height"));

  Tiles3dConfig orElse(Tiles3dConfig fallback) {
    return new Tiles3dConfig(geoidOffset != null ? geoidOffset : fallback.geoidOffset,
        extrude != null ? extrude : fallback.extrude, properties != null ? properties : fallback.properties,
        normals != null ? normals : fallback.normals, compress != null ? compress : fallback.compress,
        heightColumns != null ? heightColumns : fallback.heightColumns);
  }

  void validate() {
    extrude.forEach((collection, columns) -> {
      if (columns == null || columns.height() == null || columns.height().isBlank()) {
        throw new ConfigException("tiles3d.extrude." + collection + ".height is missing: name the column that"
            + " holds the building height in metres");
      }
    });
    if (heightColumns.stream().anyMatch(name -> name == null || name.isBlank())) {
      throw new ConfigException("tiles3d.heightColumns names an empty column: list column names, or [] for none");
    }
    properties.forEach((collection, names) -> {
      if (names == null) {
        throw new ConfigException("tiles3d.properties." + collection + " is empty: list the properties its 3D"
            + " tiles carry, or [] for the feature id alone");
      }
    });
  }
}
