package io.urbis.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Sends each CityJSON CityObject to the part assembler when it is a building or part, else counts it. */
record CityObjectDispatcher(CityJsonObjects objects, PartAssembler assembler, BuildingHandler handler) {

  void dispatch(String id, JsonNode object) throws ImportException {
    String type = object.path("type").asText();
    String parent = object.path("parents").path(0).asText(null);
    boolean building = type.equals("Building");
    if (!building && !type.equals("BuildingPart")) {
      handler.notImported(type);
      leave(parent, id);
      return;
    }
    if (!building && parent == null) {
      handler.skipped(id, type, SkipReason.PART_WITHOUT_BUILDING);
      return;
    }
    SourceBuilding source;
    try {
      source = objects.building(id, object);
    } catch (CityJsonVertices.BadVertexIndexException e) {
      handler.skipped(id, type, SkipReason.BAD_VERTEX_INDEX);
      leave(parent, id);
      return;
    }
    List<String> children = new ArrayList<>();
    object.path("children").forEach(child -> children.add(child.asText()));
    assembler.add(source, building ? null : parent, children);
  }

  /** A child that will not be merged: its parent need not wait for it. */
  private void leave(String parent, String id) throws ImportException {
    if (parent != null) {
      assembler.other(parent, id);
    }
  }
}
