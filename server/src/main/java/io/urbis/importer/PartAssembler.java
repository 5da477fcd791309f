package io.urbis.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins BuildingParts to their Building in a stream where either may come first (CityJSON keeps them as separate
 * objects linked by {@code parents}/{@code children}). A building waits until every child it names has been seen,
 * then goes out with its parts, nested parts flattened; only objects whose family is incomplete are held.
 */
final class PartAssembler {

  private final BuildingHandler handler;
  /** Buildings and parts still waiting for children, by id. */
  private final Map<String, Waiting> waiting = new LinkedHashMap<>();
  /** Complete parts (with their own parts) whose parent has not been seen yet, by parent id. */
  private final Map<String, List<SourceBuilding>> early = new HashMap<>();
  /** Children that are not parts (installations, rooms...), seen before their parent. */
  private final Map<String, Set<String>> earlyOthers = new HashMap<>();

  PartAssembler(BuildingHandler handler) {
    this.handler = handler;
  }

  private static final class Waiting {
    final SourceBuilding object;
    final String parent;
    final Set<String> children;
    final List<SourceBuilding> parts = new ArrayList<>();

    Waiting(SourceBuilding object, String parent, List<String> children) {
      this.object = object;
      this.parent = parent;
      this.children = new HashSet<>(children);
    }
  }

  /** A Building ({@code parent} null) or BuildingPart, with the ids of its children of any type. */
  void add(SourceBuilding object, String parent, List<String> children) throws ImportException {
    Waiting entry = new Waiting(object, parent, children);
    for (SourceBuilding part : takeOrEmpty(early.remove(object.id()))) {
      arrived(entry, part);
    }
    earlyOthers.getOrDefault(object.id(), Set.of()).forEach(entry.children::remove);
    earlyOthers.remove(object.id());
    settle(entry);
  }

  /** A child that is not a part: its parent stops waiting for it. */
  void other(String parent, String id) throws ImportException {
    Waiting entry = waiting.get(parent);
    if (entry == null) {
      earlyOthers.computeIfAbsent(parent, k -> new HashSet<>()).add(id);
      return;
    }
    entry.children.remove(id);
    settle(entry);
  }

  /** End of file: buildings whose named children never came go out as they are; parts without a building are skipped. */
  void finish() throws ImportException {
    for (Waiting entry : List.copyOf(waiting.values())) {
      if (entry.parent == null) {
        waiting.remove(entry.object.id());
        handler.building(entry.object.withParts(entry.parts));
      }
    }
    for (Waiting entry : waiting.values()) {
      handler.skipped(entry.object.id(), "BuildingPart", SkipReason.PART_WITHOUT_BUILDING);
    }
    for (List<SourceBuilding> parts : early.values()) {
      for (SourceBuilding part : parts) {
        handler.skipped(part.id(), "BuildingPart", SkipReason.PART_WITHOUT_BUILDING);
        for (SourceBuilding nested : part.parts()) {
          handler.skipped(nested.id(), "BuildingPart", SkipReason.PART_WITHOUT_BUILDING);
        }
      }
    }
  }

  private void settle(Waiting entry) throws ImportException {
    String id = entry.object.id();
    if (!entry.children.isEmpty()) {
      waiting.put(id, entry);
      return;
    }
    waiting.remove(id);
    if (entry.parent == null) {
      handler.building(entry.object.withParts(entry.parts));
      return;
    }
    SourceBuilding complete = entry.object.withParts(entry.parts);
    Waiting parent = waiting.get(entry.parent);
    if (parent == null) {
      early.computeIfAbsent(entry.parent, k -> new ArrayList<>()).add(complete);
      return;
    }
    arrived(parent, complete);
    settle(parent);
  }

  /** Attaches a complete part, its own parts flattened beside it. */
  private static void arrived(Waiting parent, SourceBuilding part) {
    parent.children.remove(part.id());
    parent.parts.add(part.withParts(List.of()));
    parent.parts.addAll(part.parts());
  }

  private static List<SourceBuilding> takeOrEmpty(List<SourceBuilding> parts) {
    return parts == null ? List.of() : parts;
  }
}
