package io.urbis.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CityJSON CityObject (of a file or a CityJSONSeq feature) into a {@link SourceBuilding}: rings from
 * vertex indices, GroundSurface semantics, attributes and address. Boundaries nest one array deeper per solid and
 * per multi-solid, and semantic values one less than boundaries, so one walk with a depth serves all types.
 */
final class CityJsonObjects {

  private final CityJsonVertices vertices;

  CityJsonObjects(CityJsonVertices vertices) {
    this.vertices = vertices;
  }

  /** @throws CityJsonVertices.BadVertexIndexException when a boundary names a vertex that is not there */
  SourceBuilding building(String id, JsonNode object) {
    Map<String, List<SourceSurface>> surfacesByLod = new LinkedHashMap<>();
    String unsupported = null;
    for (JsonNode geometry : object.path("geometry")) {
      String type = geometry.path("type").asText();
      int depth = switch (type) {
        case "MultiSurface", "CompositeSurface" -> 1;
        case "Solid" -> 2;
        case "MultiSolid", "CompositeSolid" -> 3;
        default -> 0;
      };
      if (depth == 0) {
        unsupported = type;
        continue;
      }
      List<SourceSurface> surfaces = surfacesByLod.computeIfAbsent(geometry.path("lod").asText(), k -> new ArrayList<>());
      JsonNode semantics = geometry.path("semantics");
      collect(geometry.path("boundaries"), semantics.path("values"), semantics.path("surfaces"), depth, surfaces);
    }
    return new SourceBuilding(id, attributes(object), surfacesByLod, unsupported, List.of());
  }

  private void collect(JsonNode boundaries, JsonNode values, JsonNode semanticSurfaces, int depth,
      List<SourceSurface> surfaces) {
    for (int i = 0; i < boundaries.size(); i++) {
      JsonNode value = values.isArray() ? values.path(i) : values;
      if (depth > 1) {
        collect(boundaries.get(i), value, semanticSurfaces, depth - 1, surfaces);
        continue;
      }
      boolean ground = value.isInt()
          && semanticSurfaces.path(value.asInt()).path("type").asText().equals("GroundSurface");
      List<double[]> rings = new ArrayList<>();
      for (JsonNode ring : boundaries.get(i)) {
        double[] coordinates = new double[ring.size() * 3];
        for (int v = 0; v < ring.size(); v++) {
          vertices.copyTo(ring.get(v).asInt(-1), coordinates, v * 3);
        }
        rings.add(coordinates);
      }
      surfaces.add(new SourceSurface(rings, ground));
    }
  }

  /** The attributes, with the address list (CityJSON 2.0 keeps it beside them) added without its location point. */
  private static ObjectNode attributes(JsonNode object) {
    JsonNode given = object.get("attributes");
    ObjectNode attributes = given instanceof ObjectNode node ? node : JsonNodeFactory.instance.objectNode();
    JsonNode address = object.has("address") ? object.get("address") : attributes.remove("address");
    if (address != null && !address.isNull()) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (JsonNode one : address.isArray() ? address : List.of(address)) {
        if (one instanceof ObjectNode fields) {
          ObjectNode copy = fields.deepCopy();
          copy.remove("location");
          list.add(copy);
        }
      }
      attributes.set("address", list);
    }
    return attributes;
  }
}
