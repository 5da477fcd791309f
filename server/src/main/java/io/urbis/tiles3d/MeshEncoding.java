package io.urbis.tiles3d;

/**
 * How the meshes of tiles are written.
 *
 * @param normals whether vertices carry flat normals (without, glTF clients compute them, and a building's faces
 *     share their corners)
 * @param compressed whether vertex and index data are compressed with EXT_meshopt_compression
 */
public record MeshEncoding(boolean normals, boolean compressed) {

  public static final MeshEncoding DEFAULT = new MeshEncoding(false, true);
}
