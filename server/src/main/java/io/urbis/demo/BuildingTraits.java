package io.urbis.demo;

import io.urbis.demo.BuildingPlanner.Footprint;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Invents the attributes of one building from its district's profile: storeys and height, construction year,
 * function, last renovation and an annual heat demand that follows the typical specific demand of German
 * buildings by construction period (older is worse, a renovation saves about a quarter).
 */
final class BuildingTraits {

  static final List<DemoLayer.Column> COLUMNS = List.of(
      new DemoLayer.Column("height_m", "REAL"),
      new DemoLayer.Column("storeys", "INTEGER"),
      new DemoLayer.Column("year_built", "INTEGER"),
      new DemoLayer.Column("function", "TEXT"),
      new DemoLayer.Column("heat_demand_kwh_a", "INTEGER"),
      new DemoLayer.Column("district", "TEXT"),
      new DemoLayer.Column("last_renovation", "DATE"));

  /** The last year a renovation may have happened in, so the data does not claim the future. */
  private static final int LATEST_YEAR = 2024;
  private static final double SQUARE_METRES_PER_RESIDENT = 45;

  /** The attributes of one building and how many people live in it; heat demand null when not on record. */
  record Traits(double height, int storeys, int yearBuilt, String function, Long heatDemand, String district,
      LocalDate renovation, double residents) {

    /** The values in column order. */
    List<Object> values() {
      return Arrays.asList(height, storeys, yearBuilt, function, heatDemand, district,
          renovation == null ? null : renovation.toString());
    }

    /** The same building without a recorded heat demand, as a heat plan finds some. */
    Traits withoutHeatDemand() {
      return new Traits(height, storeys, yearBuilt, function, null, district, renovation, residents);
    }
  }

  private final Random random;

  BuildingTraits(Random random) {
    this.random = random;
  }

  Traits traitsOf(Footprint footprint) {
    DistrictProfile profile = footprint.district().profile();
    int storeys = profile.storeys.pickInt(random);
    double roof = profile == DistrictProfile.INDUSTRIAL ? random.nextDouble() * 1.5 : 1.5 + random.nextDouble() * 2.5;
    double height = storeys * profile.storeyHeight() * (0.95 + 0.15 * random.nextDouble()) + roof;
    int yearBuilt = profile.yearBuilt.pickInt(random);
    String function = profile.pickFunction(random);
    LocalDate renovation = renovation(yearBuilt);
    double floorArea = footprint.polygon().getArea() * storeys;
    double demand = floorArea * specificHeatDemand(yearBuilt) * (renovation == null ? 1 : 0.75)
        * (0.9 + 0.2 * random.nextDouble());
    return new Traits(Metres.round(height, 1), storeys, yearBuilt, function, StrictMath.round(demand),
        footprint.district().name(), renovation, residentialShare(function) * floorArea / SQUARE_METRES_PER_RESIDENT);
  }

  /** Homes house people fully, mixed-use buildings on about half their floors. */
  private static double residentialShare(String function) {
    return switch (function) {
      case "residential" -> 1;
      case "mixed" -> 0.5;
      default -> 0;
    };
  }

  /** Most buildings from before 2000 were renovated once, at least twenty years after construction. */
  private LocalDate renovation(int yearBuilt) {
    int earliest = Math.max(yearBuilt + 20, 1975);
    if (yearBuilt > 2000 || earliest > LATEST_YEAR || random.nextDouble() > 0.6) {
      return null;
    }
    int year = earliest + random.nextInt(LATEST_YEAR - earliest + 1);
    return LocalDate.ofYearDay(year, 1 + random.nextInt(365));
  }

  /** kWh per square metre of floor area and year, by construction period. */
  private static double specificHeatDemand(int yearBuilt) {
    if (yearBuilt < 1919) {
      return 190;
    } else if (yearBuilt < 1949) {
      return 175;
    } else if (yearBuilt < 1979) {
      return 160;
    } else if (yearBuilt < 1995) {
      return 120;
    } else if (yearBuilt < 2010) {
      return 85;
    }
    return 55;
  }
}
