package io.urbis.tiles3d;

/**
 * The kind of a building surface, one material each. Sources without surface semantics get them from the face's
 * orientation: facing up is roof, facing down is ground, anything steeper is wall.
 */
enum Surface {
  WALL("wall", new double[] {0.86, 0.84, 0.80, 1}),
  ROOF("roof", new double[] {0.70, 0.27, 0.20, 1}),
  GROUND("ground", new double[] {0.45, 0.45, 0.45, 1});

  /** Cosine of the angle to the vertical beyond which a face counts as roof (or ground): about 70 degrees. */
  private static final double FLAT_ENOUGH = 0.34;

  private final String materialName;
  private final double[] color;

  Surface(String materialName, double[] color) {
    this.materialName = materialName;
    this.color = color;
  }

  String materialName() {
    return materialName;
  }

  /** Base colour, linear RGBA. */
  double[] color() {
    return color.clone();
  }

  static Surface facing(double[] normal, double[] up) {
    double cosine = normal[0] * up[0] + normal[1] * up[1] + normal[2] * up[2];
    return cosine > FLAT_ENOUGH ? ROOF : cosine < -FLAT_ENOUGH ? GROUND : WALL;
  }
}
