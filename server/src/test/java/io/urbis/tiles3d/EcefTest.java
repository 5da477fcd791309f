package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EcefTest {

  @Test
  void weselIsWherePostgisPutsIt() {
    // SELECT ST_Transform('SRID=4979;POINT Z (6.62 51.66 30)'::geometry, 4978) with PostGIS 3.3 / PROJ 9.1
    assertArrayEquals(new double[] {3938285.6520470474, 457068.37831411825, 4979448.213667311},
        Ecef.fromGeodetic(6.62, 51.66, 30), 1e-6);
  }

  @Test
  void roundTripsStayWithinACentimetre() {
    for (double lon = -180; lon <= 180; lon += 7.5) {
      for (double lat = -89; lat <= 89; lat += 4.45) {
        for (double height : new double[] {-100, 0, 47.3, 350, 9000}) {
          double[] xyz = Ecef.fromGeodetic(lon, lat, height);
          double[] back = Ecef.toGeodetic(xyz[0], xyz[1], xyz[2]);
          double[] again = Ecef.fromGeodetic(back[0], back[1], back[2]);
          double distance = Math.sqrt(Math.pow(again[0] - xyz[0], 2) + Math.pow(again[1] - xyz[1], 2)
              + Math.pow(again[2] - xyz[2], 2));
          assertEquals(0, distance, 0.01, lon + "," + lat + "," + height);
          assertEquals(height, back[2], 0.01);
        }
      }
    }
  }

  @Test
  void upIsTheEllipsoidNormal() {
    assertArrayEquals(new double[] {1, 0, 0}, Ecef.up(0, 0), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, Ecef.up(0, 90), 1e-12);
  }
}
