package io.urbis.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as a create or replace request gives it, checked against the collection the caller sees.
 *
 * @param id the id the client asked for in a create, or null (the store assigns one; replace ignores it)
 * @param geometry the geometry in the collection's storage CRS (x east or longitude, y north or latitude, Z where
 *     the collection has heights), its SRID set to the storage SRID; null for a feature without geometry
 * @param properties the values to write by property name, each of its property's JSON type or JSON {@code null};
 *     properties not named are left alone (their default on create, their stored value on replace)
 */
public record FeatureContent(String id, Geometry geometry, Map<String, JsonNode> properties) {

  public FeatureContent {
    properties = Map.copyOf(properties);
  }
}
