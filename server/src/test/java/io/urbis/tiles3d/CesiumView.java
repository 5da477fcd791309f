package io.urbis.tiles3d;

/**
 * Which levels of a tileset CesiumJS shows from a distance, by its screen-space error: it draws a tile's children when
 * the tile's geometric error, seen from the camera, spans more than {@link #MAXIMUM_SCREEN_SPACE_ERROR} pixels (its
 * default). Seen from straight above with its default 60° field of view, in a view {@link #SCREEN_HEIGHT} pixels high
 * (the 3D view's screenshots).
 */
final class CesiumView {

  static final double MAXIMUM_SCREEN_SPACE_ERROR = 16;
  static final int SCREEN_HEIGHT = 768;
  private static final double FIELD_OF_VIEW = Math.toRadians(60);

  private CesiumView() {}

  /** The distance from which the whole root tile fills the height of the view: the city's overview. */
  static double cityDistance(TilingScheme scheme) {
    return scheme.rootSizeMetres() / (2 * Math.tan(FIELD_OF_VIEW / 2));
  }

  /** The deepest level drawn at {@code metres} from the buildings: the level below the last one refined. */
  static int deepestLevelShown(TilingScheme scheme, double metres) {
    int level = 0;
    while (scheme.hasLevel(level + 1) && screenSpaceError(scheme.geometricError(level), metres)
        > MAXIMUM_SCREEN_SPACE_ERROR) {
      level++;
    }
    return level;
  }

  private static double screenSpaceError(double geometricError, double metres) {
    return geometricError * SCREEN_HEIGHT / (metres * 2 * Math.tan(FIELD_OF_VIEW / 2));
  }
}
