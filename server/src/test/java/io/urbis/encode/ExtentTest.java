package io.urbis.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The extent as collections show it: 7 decimals, still holding every feature. */
class ExtentTest {

  @Test
  void theBoxIsRoundedOutwardsToSevenDecimals() {
    SpatialExtent data = new SpatialExtent(6.123456749, -0.000000001, 7.000000001, 51.99999991);
    double[] shown = Extent.of(data, null).spatial().bbox().get(0);
    assertArrayEquals(new double[] {6.1234567, -0.0000001, 7.0000001, 52.0}, shown);
  }

  @Test
  void aValueOfSevenDecimalsOrFewerStaysAsItIs() {
    double[] shown = Extent.of(new SpatialExtent(14.9, 51.1, 15.0, 51.2), null).spatial().bbox().get(0);
    assertArrayEquals(new double[] {14.9, 51.1, 15.0, 51.2}, shown);
  }

  @Test
  void theShownBoxHoldsTheDataWhateverTheDigits() {
    Random random = new Random(17);
    for (int i = 0; i < 10_000; i++) {
      double lon = -180 + 360 * random.nextDouble();
      double lat = -90 + 180 * random.nextDouble();
      double[] shown = Extent.of(new SpatialExtent(lon, lat, lon, lat), null).spatial().bbox().get(0);
      assertTrue(shown[0] <= lon && lon <= shown[2] && shown[1] <= lat && lat <= shown[3], lon + ", " + lat);
      assertTrue(decimals(shown[0]) <= 7 && decimals(shown[3]) <= 7, shown[0] + ", " + shown[3]);
    }
  }

  private static int decimals(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().scale();
  }
}
