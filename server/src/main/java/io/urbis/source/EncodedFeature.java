package io.urbis.source;

/**
 * One feature as a source delivers it: the parts of a GeoJSON feature, already encoded as JSON text where the
 * source can do that faster than Java (PostGIS writes GeoJSON geometries and property objects itself).
 *
 * @param id the feature id, a {@link Long} or a {@link String}
 * @param geometryJson the GeoJSON geometry object in CRS84, or null for a feature without geometry
 * @param propertiesJson the GeoJSON properties object, never null
 */
public record EncodedFeature(Object id, String geometryJson, String propertiesJson) {}
