package io.urbis.tiles3d.meshopt;

/** The extension's compression modes; {@link #name()} is the value of its {@code mode} property. */
public enum MeshoptMode {
  ATTRIBUTES, TRIANGLES, INDICES
}
