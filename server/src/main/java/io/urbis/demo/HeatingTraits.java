package io.urbis.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Invents what a heat plan reads of a building beyond its geometry and age: its type in the German residential
 * building typology (EFH, RH, MFH, GMH; NWG for non-residential buildings), the energy carrier and heating system
 * as a municipal register or chimney sweep data name them, and whether its heat demand was recorded at all (about
 * 15 % of real records lack it; a heat plan estimates those). The shares are plausible for a small German town, not
 * measured: district heating in the dense districts, heating oil in the suburbs and old buildings, heat pumps in
 * new ones. It draws from a random stream of its own, so the other traits of the demo stay as they were.
 */
final class HeatingTraits {

  static final List<DemoLayer.Column> COLUMNS = List.of(
      new DemoLayer.Column("building_type", "TEXT"),
      new DemoLayer.Column("energy_carrier", "TEXT"),
      new DemoLayer.Column("heating_system", "TEXT"));

  private static final double DEMAND_MISSING_SHARE = 0.15;
  /** Registers do not know every building's carrier. */
  private static final double CARRIER_MISSING_SHARE = 0.03;

  /** A carrier as the data names it, its heating systems and their weights. */
  private record Carrier(String name, List<String> systems, double[] systemWeights) {}

  private static final Carrier GAS = new Carrier("Erdgas",
      List.of("Gas-Brennwertkessel", "Gas-Niedertemperaturkessel", "Gas-Etagenheizung"), new double[] {5, 3, 2});
  private static final Carrier OIL = new Carrier("Heizöl",
      List.of("Öl-Brennwertkessel", "Öl-Niedertemperaturkessel"), new double[] {4, 6});
  private static final Carrier DISTRICT_HEATING = new Carrier("Fernwärme",
      List.of("Fernwärme-Übergabestation"), new double[] {1});
  private static final Carrier ELECTRICITY = new Carrier("Strom",
      List.of("Nachtspeicherheizung", "Elektro-Direktheizung"), new double[] {7, 3});
  private static final Carrier HEAT_PUMP = new Carrier("Wärmepumpe",
      List.of("Luft-Wasser-Wärmepumpe", "Sole-Wasser-Wärmepumpe"), new double[] {3, 1});
  private static final Carrier WOOD = new Carrier("Holz",
      List.of("Pelletkessel", "Scheitholzkessel"), new double[] {3, 2});
  private static final Carrier LIQUID_GAS = new Carrier("Flüssiggas",
      List.of("Flüssiggas-Brennwertkessel"), new double[] {1});
  private static final List<Carrier> CARRIERS =
      List.of(GAS, OIL, DISTRICT_HEATING, ELECTRICITY, HEAT_PUMP, WOOD, LIQUID_GAS);

  /** The heating traits of one building; carrier and system null when the register does not know them. */
  record Heating(String buildingType, String energyCarrier, String heatingSystem) {

    List<Object> values() {
      return Arrays.asList(buildingType, energyCarrier, heatingSystem);
    }
  }

  private final Random random;

  HeatingTraits(Random random) {
    this.random = random;
  }

  /** Whether the next building's heat demand is on record. */
  boolean demandRecorded() {
    return random.nextDouble() >= DEMAND_MISSING_SHARE;
  }

  Heating heatingOf(DistrictProfile profile, String function, int storeys, int yearBuilt) {
    String type = buildingType(profile, function, storeys);
    if (random.nextDouble() < CARRIER_MISSING_SHARE) {
      return new Heating(type, null, null);
    }
    Carrier carrier = CARRIERS.get(pick(carrierWeights(profile, yearBuilt)));
    String system = carrier.systems().get(pick(systemWeights(carrier, type, yearBuilt)));
    return new Heating(type, carrier.name(), system);
  }

  /** Homes by size and how they stand (terraced in the dense districts), every other use NWG. */
  private static String buildingType(DistrictProfile profile, String function, int storeys) {
    if (!function.equals("residential") && !function.equals("mixed")) {
      return "NWG";
    }
    if (storeys >= 5) {
      return "GMH";
    }
    if (storeys >= 3 || function.equals("mixed")) {
      return "MFH";
    }
    return profile == DistrictProfile.SUBURBAN ? "EFH" : "RH";
  }

  /** Weights in the order of {@link #CARRIERS}: the district's mix, shifted by the building's age. */
  private static double[] carrierWeights(DistrictProfile profile, int yearBuilt) {
    double[] weights = switch (profile) {
      case CENTRE -> new double[] {45, 8, 38, 4, 2, 1, 0};
      case URBAN -> new double[] {55, 12, 20, 5, 4, 2, 1};
      case SUBURBAN -> new double[] {50, 25, 0, 3, 10, 8, 3};
      case INDUSTRIAL -> new double[] {65, 15, 5, 12, 2, 1, 0};
    };
    if (yearBuilt >= 2010) {
      scale(weights, OIL, 0.1);
      scale(weights, ELECTRICITY, 0.3);
      scale(weights, HEAT_PUMP, 8);
    } else if (yearBuilt >= 1995) {
      scale(weights, OIL, 0.6);
      scale(weights, HEAT_PUMP, 2.5);
    } else if (yearBuilt >= 1960 && yearBuilt < 1979) {
      // night storage heaters were promoted in the 1960s and 70s
      scale(weights, ELECTRICITY, 2);
    }
    return weights;
  }

  /** Condensing boilers since 1995, gas-fired flat heating only in blocks of flats. */
  private static double[] systemWeights(Carrier carrier, String buildingType, int yearBuilt) {
    double[] weights = carrier.systemWeights().clone();
    if (carrier == GAS || carrier == OIL) {
      if (yearBuilt >= 1995) {
        Arrays.fill(weights, 1, weights.length, 0);
      }
      if (carrier == GAS && !buildingType.equals("MFH") && !buildingType.equals("GMH")) {
        weights[2] = 0;
      }
    }
    return weights;
  }

  private static void scale(double[] weights, Carrier carrier, double factor) {
    weights[CARRIERS.indexOf(carrier)] *= factor;
  }

  /** An index drawn with probability proportional to its weight. */
  private int pick(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double draw = random.nextDouble() * total;
    int last = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        draw -= weights[i];
        last = i;
        if (draw < 0) {
          return i;
        }
      }
    }
    // rounding may leave a trace of the draw: the last possible index takes it
    return last;
  }
}
