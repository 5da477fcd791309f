package io.urbis.tiles3d;

/** Why a polygon could not become triangles; such polygons are skipped and counted, never fatal. */
enum Degeneracy {
  TOO_FEW_POINTS,
  ZERO_AREA,
  NON_PLANAR,
  INVALID
}
