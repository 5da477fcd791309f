package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Walks 3D tiles as a client does, from the root subtree through child subtrees to every tile with content, and
 * checks each tile on the way: its region (from the subtree's tile metadata) lies in its parent's, its content's
 * region in its own and every position in its content's region, and its metadata keeps every rule of
 * {@link FeatureMetadataRules}, its schemaUri naming the tileset's schema. Collects the feature ids it meets, the
 * area of each feature's triangles seen from above by surface kind, the footprint areas tiles carry and every rule
 * broken, by tile.
 */
public final class TilesetWalk {

  /** A centimetre, in radians of latitude. */
  private static final double CENTIMETRE_RADIANS = 0.01 / 6_378_137;

  private final TilingScheme scheme;
  private final Function<TileId, byte[]> subtrees;
  private final Function<TileId, byte[]> contents;
  private final String schemaPath;
  private final JsonNode schema;
  public final List<String> featureIds = new ArrayList<>();
  /**
   * Square metres of triangles seen from above (on the tile's horizontal plane) by feature id and surface kind, the
   * material's name: roof, wall or ground.
   */
  public final Map<String, Map<String, Double>> areasSeenFromAbove = new HashMap<>();
  /** The footprint area each feature's tile gives it where tiles carry one (extruded footprints), square metres. */
  public final Map<String, Double> footprintAreas = new HashMap<>();
  /** The region of every available tile, radians and metres, as its subtree gives it. */
  public final Map<TileId, double[]> tileRegions = new HashMap<>();
  final List<String> violations = new ArrayList<>();
  int tiles;
  int maxLevel;

  /** {@code schema} is the metadata schema document the tileset serves beside it, at {@code 3dtiles/schema.json}. */
  public TilesetWalk(TilingScheme scheme, Function<TileId, byte[]> subtrees, Function<TileId, byte[]> contents,
      byte[] schema) throws Exception {
    this(scheme, subtrees, contents, TileSchema.WHOLE_FILE, schema);
  }

  /**
   * {@code schema} is the metadata schema document the tileset serves beside it at {@code 3dtiles/schemaFile},
   * which every tile must name.
   */
  public TilesetWalk(TilingScheme scheme, Function<TileId, byte[]> subtrees, Function<TileId, byte[]> contents,
      String schemaFile, byte[] schema) throws Exception {
    this.scheme = scheme;
    this.subtrees = subtrees;
    this.contents = contents;
    this.schemaPath = "3dtiles/" + schemaFile;
    this.schema = new ObjectMapper().readTree(schema);
  }

  /** Fails listing every rule broken, with its tile, after a count by rule. */
  public void assertEveryTileKeepsTheMetadataRules() {
    Map<String, Long> byRule = violations.stream()
        .collect(Collectors.groupingBy(v -> v.split(" ")[1], TreeMap::new, Collectors.counting()));
    assertTrue(violations.isEmpty(), () -> violations.size() + " rules broken in " + tiles + " tiles " + byRule
        + ":\n" + String.join("\n", violations));
  }

  public TilesetWalk walk() throws Exception {
    walkSubtree(TileId.ROOT);
    return this;
  }

  private void walkSubtree(TileId root) throws Exception {
    SubtreeFile subtree = SubtreeFile.read(subtrees.apply(root));
    int levels = TilingScheme.SUBTREE_LEVELS;
    for (int level = 0; level < levels && root.level() + level < scheme.availableLevels(); level++) {
      for (long dx = 0; dx < 1L << level; dx++) {
        for (long dy = 0; dy < 1L << level; dy++) {
          int bit = (int) (Morton.levelOffset(level) + Morton.index(dx, dy));
          TileId tile = root.descendant(level, dx, dy);
          if (subtree.tile(bit)) {
            double[] region = subtree.tileRegion(bit);
            tileRegions.put(tile, region);
            assertContains(tile.level() == 0 ? scheme.region(tile) : tileRegions.get(tile.parent()), region,
                tile + ": in its parent");
          }
          if (subtree.content(bit)) {
            assertTrue(subtree.tile(bit), "a tile with content is available");
            double[] contentRegion = subtree.contentRegion(bit);
            assertContains(tileRegions.get(tile), contentRegion, tile + ": its content in it");
            checkContent(tile, contentRegion);
          }
        }
      }
    }
    for (long dx = 0; dx < 1L << levels; dx++) {
      for (long dy = 0; dy < 1L << levels; dy++) {
        if (subtree.childSubtree((int) Morton.index(dx, dy))) {
          walkSubtree(root.descendant(levels, dx, dy));
        }
      }
    }
  }

  /** Whether {@code inner} lies in {@code outer}, within a centimetre. */
  private static void assertContains(double[] outer, double[] inner, String what) {
    double lonCentimetre = CENTIMETRE_RADIANS / Math.cos(Math.max(Math.abs(outer[1]), Math.abs(outer[3])));
    assertTrue(inner[0] >= outer[0] - lonCentimetre && inner[2] <= outer[2] + lonCentimetre, what);
    assertTrue(inner[1] >= outer[1] - CENTIMETRE_RADIANS && inner[3] <= outer[3] + CENTIMETRE_RADIANS, what);
    assertTrue(inner[4] >= outer[4] - 0.01 && inner[5] <= outer[5] + 0.01, what);
  }

  private void checkContent(TileId tile, double[] region) throws Exception {
    GlbFile glb = GlbFile.read(contents.apply(tile));
    tiles++;
    String content = "3dtiles/content/" + tile.level() + "/" + tile.x() + "/" + tile.y() + ".glb";
    Function<String, JsonNode> schemas = uri -> URI.create(content).resolve(uri).toString()
        .equals(schemaPath) ? schema : null;
    for (FeatureMetadataRules.Violation violation : FeatureMetadataRules.check(glb, schemas)) {
      violations.add(content + " " + violation);
    }
    maxLevel = Math.max(maxLevel, tile.level());
    List<String> ids = glb.strings(PropertyTable.ID_PROPERTY);
    featureIds.addAll(ids);
    addAreasSeenFromAbove(glb, ids);
    if (glb.json().at("/extensions/EXT_structural_metadata/propertyTables/0/properties")
        .has(PropertyTable.FOOTPRINT_AREA)) {
      double[] areas = glb.doubles(PropertyTable.FOOTPRINT_AREA);
      for (int i = 0; i < ids.size(); i++) {
        footprintAreas.put(ids.get(i), areas[i]);
      }
    }
    for (JsonNode primitive : glb.json().at("/meshes/0/primitives")) {
      double[] p = glb.ecefPositions(primitive);
      for (int i = 0; i < p.length; i += 3) {
        double[] geodetic = Ecef.toGeodetic(p[i], p[i + 1], p[i + 2]);
        double lon = Math.toRadians(geodetic[0]);
        double lat = Math.toRadians(geodetic[1]);
        String where = tile + " vertex " + i / 3;
        // a centimetre east or west is more radians of longitude, the further from the equator
        double lonCentimetre = CENTIMETRE_RADIANS / Math.cos(lat);
        assertTrue(lon >= region[0] - lonCentimetre && lon <= region[2] + lonCentimetre, where);
        assertTrue(lat >= region[1] - CENTIMETRE_RADIANS && lat <= region[3] + CENTIMETRE_RADIANS, where);
        assertTrue(geodetic[2] >= region[4] - 0.01 && geodetic[2] <= region[5] + 0.01, where + " h " + geodetic[2]);
      }
    }
    assertEquals(glb.json().at("/extensions/EXT_structural_metadata/propertyTables/0/count").asInt(),
        glb.strings(PropertyTable.ID_PROPERTY).size());
  }

  /** Each triangle's area goes to the feature of its first vertex, under its primitive's material. */
  private void addAreasSeenFromAbove(GlbFile glb, List<String> ids) {
    for (JsonNode primitive : glb.json().at("/meshes/0/primitives")) {
      String surface = glb.json().at("/materials/" + primitive.get("material").asInt() + "/name").asText();
      // local east, up and south metres: the node matrix only rotates and moves them, which keeps areas
      double[] p = glb.values(primitive.at("/attributes/POSITION").asInt());
      double[] feature = glb.values(primitive.at("/attributes/_FEATURE_ID_0").asInt());
      int[] t = glb.indices(primitive.get("indices").asInt());
      for (int i = 0; i < t.length; i += 3) {
        areasSeenFromAbove.computeIfAbsent(ids.get((int) feature[t[i]]), id -> new HashMap<>())
            .merge(surface, SurfaceAreas.triangleSeenFromAbove(p, t[i], t[i + 1], t[i + 2]), Double::sum);
      }
    }
  }
}
