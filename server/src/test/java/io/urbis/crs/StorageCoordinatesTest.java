package io.urbis.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class StorageCoordinatesTest {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  @Test
  void crs84IsMovedIntoTheStorageCrsAsPostgisMovesIt() {
    // PostGIS: ST_Transform(ST_SetSRID(ST_Point(332200, 5725200), 25832), 4326) = (6.5742949, 51.65271672)
    Geometry point = point(6.5742949, 51.65271672, 12.5);
    StorageCoordinates.toStorage(point, Crs.CRS84, 25832);
    assertEquals(332200, point.getCoordinate().x, 0.01);
    assertEquals(5725200, point.getCoordinate().y, 0.01);
    assertEquals(12.5, point.getCoordinate().getZ(), "heights stay as they are");
  }

  @Test
  void theStorageCrsItselfAndCrs84ForUnknownSridsAreLeftAlone() {
    Geometry utm = point(332200, 5725200, Double.NaN);
    StorageCoordinates.toStorage(utm, Crs.epsg(25832), 25832);
    assertEquals(new Coordinate(332200, 5725200), utm.getCoordinate());
    Geometry lonLat = point(6.57, 51.65, Double.NaN);
    StorageCoordinates.toStorage(lonLat, Crs.CRS84, 0);
    assertEquals(new Coordinate(6.57, 51.65), lonLat.getCoordinate());
  }

  @Test
  void coordinatesOfAnotherCrsThanTheNamedOneAreRefused() {
    String degreesAsMetres = assertThrows(OutsideDomainException.class,
        () -> StorageCoordinates.toStorage(point(6.57, 51.65, Double.NaN), Crs.epsg(25832), 25832)).getMessage();
    assertTrue(degreesAsMetres.contains("(6.57 51.65) is not within the area where"
        + " http://www.opengis.net/def/crs/EPSG/0/25832 is used"), degreesAsMetres);
    assertThrows(OutsideDomainException.class,
        () -> StorageCoordinates.toStorage(point(332200, 5725200, Double.NaN), Crs.CRS84, 25832));
  }

  @Test
  void aPlaceOutsideTheStorageCrsAreaIsRefusedThoughTheWrittenCrsCoversIt() {
    // Sydney is on Earth (CRS84), but far beyond UTM zone 32N
    String message = assertThrows(OutsideDomainException.class,
        () -> StorageCoordinates.toStorage(point(151.2, -33.9, Double.NaN), Crs.CRS84, 25832)).getMessage();
    assertTrue(message.contains("storage CRS"), message);
  }

  private static Geometry point(double x, double y, double z) {
    return GEOMETRIES.createPoint(new Coordinate(x, y, z));
  }
}
