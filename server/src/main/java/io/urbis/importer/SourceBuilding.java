package io.urbis.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A building, or one of its parts, as read from a file: attributes in CityJSON's names (CityGML is mapped to
 * them), surfaces by level of detail, and the parts that belong to it. {@link BuildingRows} turns it into a row.
 *
 * @param id the CityObject key or gml:id
 * @param attributes the attributes, plus {@code address} as CityJSON writes it (an array of objects)
 * @param surfacesByLod surfaces keyed by LoD text ("1", "2", "2.2")
 * @param unsupportedGeometry a geometry type found that has no surfaces to import (e.g. GeometryInstance), or null
 * @param parts the BuildingParts, merged into this building's row
 */
public record SourceBuilding(String id, ObjectNode attributes, Map<String, List<SourceSurface>> surfacesByLod,
    String unsupportedGeometry, List<SourceBuilding> parts) {

  public SourceBuilding withParts(List<SourceBuilding> newParts) {
    return new SourceBuilding(id, attributes, surfacesByLod, unsupportedGeometry, List.copyOf(newParts));
  }
}
