package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.MvtLayers;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileHash;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reduction rules in PostGIS' statement, as {@code TileLayerBuilderTest} shows them in Java: four squares of one
 * size in one cell of a thinning level (Web Mercator, so that sizes need no scaling), the one kept chosen by
 * {@link TileHash} as Java computes it, the other three one block of their area.
 */
class PostgisReducedTileTest {

  private static final TileAddress TILE = TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "16", "21651", "34247");
  private static final TileReduction RULES = TileBudget.DEFAULT.reduction(TILE.tileMatrix(), 3);
  private static final List<Long> IDS = LongStream.rangeClosed(2, 5).boxed().toList();

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;

  @BeforeAll
  static void squares() throws Exception {
    database = new PostgisTestDatabase();
    double x = TILE.envelope().minX() + 4 * RULES.cellSize();
    double y = TILE.envelope().maxY() - 4 * RULES.cellSize();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION postgis");
      statement.execute("CREATE TABLE squares (id integer PRIMARY KEY, name text, geom geometry(Polygon, 3857))");
      for (long id : IDS) {
        double left = x + 2 + 3 * (id - 2);
        double top = y - 2 - 3 * (id - 2);
        statement.execute("INSERT INTO squares VALUES (" + id + ", 'square " + id + "', ST_MakeEnvelope(" + left
            + ", " + (top - 2.6) + ", " + (left + 2.6) + ", " + top + ", 3857))");
      }
      statement.execute("CREATE TABLE coded_squares AS SELECT 'S' || id AS code, name, geom FROM squares");
      statement.execute("ALTER TABLE coded_squares ADD PRIMARY KEY (code)");
    }
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void theKeptSquareIsTheFirstByTileHashAndTheOthersOneBlock() {
    long firstByHash = IDS.stream().min(Comparator.comparingLong(TileHash::of)).orElseThrow();
    assertNotEquals(IDS.get(0), firstByHash, "ids whose hash order is not their order");
    Collection squares = collection("squares");
    ReducedLayer reduced = source.reducedTile(squares, new TileRequest(TILE, null, List.of("name")).reduced(RULES));
    List<MvtLayers.Feature> features = MvtLayers.read(reduced.tile()).layers().get(0).features();

    assertEquals(2, features.size(), "one kept, one block: " + features);
    assertEquals(firstByHash, features.get(0).id());
    MvtLayers.Feature block = features.get(1);
    assertNull(block.id());
    double unit = TILE.envelope().width() / TileRequest.EXTENT;
    double merged = 3 * 2.6 * 2.6 / (unit * unit);
    assertEquals(merged, block.geometry().getArea(), merged * 0.15, "the block keeps the three squares' area");
    assertEquals("square 2", block.properties().get("name"), "of equal size, the first by hash of the three");
    assertEquals(RULES.coarserLevels(), reduced.occupiedCells().size());
    assertEquals(1L, reduced.occupiedCells().get(0), "one cell holds them at every coarser level");
  }

  @Test
  void textKeysAreHashedByTheirMd5AndStayAProperty() {
    Collection squares = collection("coded_squares");
    ReducedLayer reduced = source.reducedTile(squares, new TileRequest(TILE, null, List.of("name")).reduced(RULES));
    List<MvtLayers.Feature> features = MvtLayers.read(reduced.tile()).layers().get(0).features();
    assertEquals(2, features.size(), "one kept, one block: " + features);
    assertTrue(String.valueOf(features.get(0).properties().get("code")).startsWith("S"), "the kept one's key");
    assertNull(features.get(1).properties().get("code"), "a block has no key");
  }

  private static Collection collection(String id) {
    return source.discover().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }
}
