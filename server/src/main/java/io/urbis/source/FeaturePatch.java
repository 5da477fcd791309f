package io.urbis.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The changes of a JSON Merge Patch (RFC 7396) to a feature, checked against the collection the caller sees. The
 * geometry is replaced as a whole (OGC 20-002, /req/features/update-json-merge-patch C); each named property is set,
 * removed by {@code null}, or, for a property whose values are JSON objects, merged with its stored object.
 *
 * @param replacesGeometry whether the patch names the geometry
 * @param geometry the new geometry in the storage CRS as in {@link FeatureContent}, or null to remove it
 * @param properties the patch of each named property: JSON {@code null} removes the value
 */
public record FeaturePatch(boolean replacesGeometry, Geometry geometry, Map<String, JsonNode> properties) {

  public FeaturePatch {
    properties = Map.copyOf(properties);
  }

  /**
   * The value {@code property} gets: its patch applied to {@code stored} as RFC 7396 section 2 merges a patch into a
   * target (objects member by member, {@code null} members removed; anything else replaced).
   */
  public JsonNode patched(String property, JsonNode stored) {
    return merge(stored, properties.get(property));
  }

  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : ((ObjectNode) patch).objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> member = members.next();
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }
}
