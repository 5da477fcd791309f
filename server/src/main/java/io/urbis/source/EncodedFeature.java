package io.urbis.source;

import java.nio.charset.StandardCharsets;

/**
 * One feature as a source delivers it: the parts of a GeoJSON feature, already encoded as UTF-8 JSON where the
 * source can do that faster than Java (PostGIS writes GeoJSON geometries and property objects itself). The bytes
 * travel to the response as they are; text is decoded only for the few readers that need it (HTML).
 *
 * @param id the feature id, a {@link Long} or a {@link String}
 * @param geometry the GeoJSON geometry object in the output CRS as UTF-8, or null for a feature without geometry
 * @param properties the GeoJSON properties object as UTF-8, never null
 * @param version for one feature read by id, its version: a value that changes whenever what the audience sees of the
 *     stored feature changes (its visible properties, its geometry), the same on every server and after a restart, and
 *     different for audiences that see different properties; writes compare it with {@code If-Match}. Null in pages
 *     and where the source keeps no versions
 */
public record EncodedFeature(Object id, byte[] geometry, byte[] properties, String version) {

  /** A feature of a page, without version. */
  public EncodedFeature(Object id, byte[] geometry, byte[] properties) {
    this(id, geometry, properties, null);
  }

  /** A feature whose JSON parts are at hand as text. */
  public static EncodedFeature ofText(Object id, String geometryJson, String propertiesJson) {
    return new EncodedFeature(id, geometryJson == null ? null : geometryJson.getBytes(StandardCharsets.UTF_8),
        propertiesJson.getBytes(StandardCharsets.UTF_8));
  }

  /** The geometry as JSON text, or null. */
  public String geometryJson() {
    return geometry == null ? null : new String(geometry, StandardCharsets.UTF_8);
  }

  public String propertiesJson() {
    return new String(properties, StandardCharsets.UTF_8);
  }
}
