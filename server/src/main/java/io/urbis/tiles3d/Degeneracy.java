package io.urbis.tiles3d;

/** Why a polygon could not become triangles; such polygons are skipped and counted, never fatal. */
enum Degeneracy {
  TOO_FEW_POINTS,
  ZERO_AREA,
  /** Nothing of it is left to draw once its projection is repaired: its holes cover its shell, or only slivers. */
  INVALID
}
