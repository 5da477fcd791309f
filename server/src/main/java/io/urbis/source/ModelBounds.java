package io.urbis.source;

/**
 * Where one feature's 3D model lies: its CRS84 bounding box and the range of its heights as stored (or as extruded).
 *
 * @param id the feature id as text
 * @param minLon west, degrees
 * @param minLat south, degrees
 * @param maxLon east, degrees
 * @param maxLat north, degrees
 * @param minZ the lowest height, metres
 * @param maxZ the highest height, metres
 */
public record ModelBounds(String id, double minLon, double minLat, double maxLon, double maxLat, double minZ,
    double maxZ) {}
