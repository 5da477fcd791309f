package io.urbis.demo;

import java.util.Random;

/**
 * The character of a district: how its blocks are built up. Values are plausible for a small German town, not
 * measured: lot widths, depths, setback from the street axis and gaps between neighbours in metres, the share of
 * lots that carry a building, storeys, construction years and the mix of building functions.
 */
enum DistrictProfile {
  CENTRE(new Range(9, 16), new Range(10, 15), 6, 0.3, 0.85, new Range(3, 5), new Range(1650, 1965),
      new double[] {0.30, 0.25, 0, 0.10, 0.35}),
  URBAN(new Range(14, 22), new Range(10, 14), 8, 3, 0.5, new Range(2, 4), new Range(1890, 1978),
      new double[] {0.74, 0.08, 0, 0.06, 0.12}),
  SUBURBAN(new Range(18, 28), new Range(9, 12), 10, 5, 0.3, new Range(1, 2), new Range(1955, 2023),
      new double[] {0.92, 0.03, 0, 0.05, 0}),
  INDUSTRIAL(new Range(35, 70), new Range(25, 40), 12, 8, 0.55, new Range(1, 2), new Range(1958, 2020),
      new double[] {0, 0.22, 0.74, 0.04, 0});

  /** The building functions, in the order of the weights above. */
  static final String[] FUNCTIONS = {"residential", "commercial", "industrial", "public", "mixed"};

  /** A closed range of numbers to draw from. */
  record Range(double min, double max) {

    double pick(Random random) {
      return min + random.nextDouble() * (max - min);
    }

    int pickInt(Random random) {
      return (int) min + random.nextInt((int) max - (int) min + 1);
    }
  }

  final Range lotWidth;
  final Range depth;
  final double setback;
  final double gap;
  final double builtShare;
  final Range storeys;
  final Range yearBuilt;
  private final double[] functionWeights;

  DistrictProfile(
      Range lotWidth, Range depth, double setback, double gap, double builtShare, Range storeys, Range yearBuilt,
      double[] functionWeights) {
    this.lotWidth = lotWidth;
    this.depth = depth;
    this.setback = setback;
    this.gap = gap;
    this.builtShare = builtShare;
    this.storeys = storeys;
    this.yearBuilt = yearBuilt;
    this.functionWeights = functionWeights;
  }

  String pickFunction(Random random) {
    double draw = random.nextDouble();
    for (int i = 0; i < FUNCTIONS.length; i++) {
      draw -= functionWeights[i];
      if (draw < 0) {
        return FUNCTIONS[i];
      }
    }
    return FUNCTIONS[0];
  }

  /** Storey height in metres: halls are tall, homes are not. */
  double storeyHeight() {
    return this == INDUSTRIAL ? 5.5 : 3.0;
  }
}
