package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.crs.ProjData;
import io.urbis.source.postgis.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Gauss-Krueger (DHDN, EPSG:31467) GeoPackage data lands where PostGIS puts it: both shift the datum with PROJ's
 * BETA2007 grid (Debian's proj-data, installed by the test command and in the Docker image). Without the grid the
 * seven-parameter transformation lands decimetres away, which is what the test set-up must never hide.
 */
class DhdnGridTest {

  /** The bound: GeoPackage output equal to PostGIS's within 1 cm. */
  private static final double TOLERANCE_METRES = 0.01;
  private static final double METRES_PER_DEGREE = 111_320;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private static PostgisTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/source/postgis/postgis-only.sql");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Test
  void theGridIsInstalledWherePostgisAndTheGeoPackageSourceFindIt() {
    assertTrue(ProjData.file("BETA2007.gsb").isPresent(),
        "BETA2007.gsb not found in PROJ_DATA, PROJ_LIB or /usr/share/proj: install Debian's proj-data");
  }

  /** Points over zone 3 of the Gauss-Krueger grid, from the Lower Rhine to the Harz and from Hesse to Emden. */
  @Test
  void everyPointOfZoneThreeIsWithinACentimetreOfPostgis() throws Exception {
    Crs84Reprojector reprojector = Crs84Reprojector.forSrid(31467);
    double worst = 0;
    for (double easting = 3_300_000; easting <= 3_700_000; easting += 50_000) {
      for (double northing = 5_450_000; northing <= 5_950_000; northing += 50_000) {
        Coordinate ours = reprojector.toCrs84(GEOMETRIES.createPoint(new Coordinate(easting, northing)))
            .getCoordinate();
        Coordinate postgis = postgisCrs84(easting, northing);
        double metres = groundDistance(ours, postgis);
        worst = Math.max(worst, metres);
        assertTrue(metres <= TOLERANCE_METRES,
            "(" + easting + ", " + northing + "): " + ours + " is " + metres + " m from PostGIS's " + postgis);
      }
    }
    assertTrue(worst < TOLERANCE_METRES, "worst " + worst + " m");
  }

  /** Proves the comparison above can tell: proj4j's own EPSG:31467 (seven parameters) misses PostGIS by far. */
  @Test
  void withoutTheGridTheSevenParametersMissByDecimetres() throws Exception {
    CRSFactory factory = new CRSFactory();
    var helmert = new BasicCoordinateTransform(
        factory.createFromName("EPSG:31467"), factory.createFromName("EPSG:4326"));
    ProjCoordinate lonLat = helmert.transform(new ProjCoordinate(3_500_000, 5_700_000), new ProjCoordinate());
    double metres = groundDistance(new Coordinate(lonLat.x, lonLat.y), postgisCrs84(3_500_000, 5_700_000));
    assertTrue(metres > 0.1, "the seven-parameter result is only " + metres + " m from PostGIS's");
  }

  private static Coordinate postgisCrs84(double easting, double northing) throws Exception {
    try (Connection connection = database.connect();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 31467), 4326) AS p")) {
      statement.setDouble(1, easting);
      statement.setDouble(2, northing);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return new Coordinate(row.getDouble(1), row.getDouble(2));
      }
    }
  }

  /** Metres between two nearby longitude/latitude positions (an equirectangular approximation, exact enough here). */
  private static double groundDistance(Coordinate a, Coordinate b) {
    double east = (a.x - b.x) * Math.cos(Math.toRadians((a.y + b.y) / 2)) * METRES_PER_DEGREE;
    double north = (a.y - b.y) * METRES_PER_DEGREE;
    return Math.hypot(east, north);
  }
}
