package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.GeoJsonPositions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OGC API - Features Part 2 on PostGIS: coordinates as ST_Transform gives them, in each CRS's axis order. */
class PostgisCrsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Collection parcels;

  @BeforeAll
  static void publishFixture() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    parcels = source.discover().stream().filter(c -> c.id().equals("parcels")).findFirst().orElseThrow();
  }

  @AfterAll
  static void dropFixture() throws Exception {
    source.close();
    database.close();
  }

  /** Tolerances: 1 mm for projected CRSs, 1e-8 degrees for geographic ones, rounding included. */
  @ParameterizedTest(name = "EPSG:{0}")
  @CsvSource({"25832, false, 0.001", "25833, false, 0.001", "31467, true, 0.001", "3857, false, 0.001",
      "4326, true, 0.00000001", "4258, true, 0.00000001"})
  void coordinatesAreWhatPostgisTransformsInTheCrsAxisOrder(int srid, boolean northFirst, double tolerance)
      throws Exception {
    Crs crs = Crs.epsg(srid);
    EncodedFeature feature = source.get(parcels, "17", crs).orElseThrow();
    String flip = northFirst ? "ST_FlipCoordinates(ST_Transform(geom, " + srid + "))" : "ST_Transform(geom, " + srid
        + ")";
    JsonNode truth = JSON.readTree(single("SELECT ST_AsGeoJSON(" + flip + ", 12) FROM parcels WHERE id = 17"));
    JsonNode ours = JSON.readTree(feature.geometryJson());
    assertTrue(ours.path("crs").isMissingNode(), "RFC 7946 geometries carry no crs member: " + ours);
    GeoJsonPositions.check(truth.path("coordinates"), ours.path("coordinates"),
        tolerance, "parcel 17 in EPSG:" + srid);
  }

  @Test
  void aBboxInTheStorageCrsSelectsWhatPostgisSelectsThere() throws Exception {
    Bbox bbox = new Bbox(440120, 5760080, 440390, 5760260, Crs.epsg(25832));
    List<Object> truth = database.ids("SELECT id FROM parcels WHERE ST_Intersects(geom, "
        + "ST_MakeEnvelope(440120, 5760080, 440390, 5760260, 25832)) ORDER BY id");
    assertFalse(truth.isEmpty());
    assertEquals(truth, page(new FeatureQuery(bbox, null, 1000, null)));
  }

  @Test
  void aBboxInAnotherProjectedCrsIsTestedInThatCrs() throws Exception {
    List<Object> truth = database.ids("SELECT id FROM parcels WHERE ST_Intersects(ST_Transform(geom, 3857), "
        + "ST_MakeEnvelope(904900, 6798000, 905200, 6798200, 3857)) ORDER BY id");
    assertFalse(truth.isEmpty());
    Bbox bbox = new Bbox(904900, 6798000, 905200, 6798200, Crs.epsg(3857));
    assertEquals(truth, page(new FeatureQuery(bbox, null, 1000, null)));
  }

  private static List<Object> page(FeatureQuery query) {
    List<Object> ids = new ArrayList<>();
    try (FeatureStream stream = source.query(parcels, query)) {
      for (EncodedFeature feature = stream.next(); feature != null; feature = stream.next()) {
        ids.add(feature.id());
      }
    }
    return ids;
  }

  private static String single(String sql) throws Exception {
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }
}
