package io.urbis.importer;

/** Why a building was not written; the summary counts per reason. */
public enum SkipReason {
  NO_GEOMETRY("no geometry"),
  UNSUPPORTED_GEOMETRY("only unsupported geometry (e.g. GeometryInstance, points, lines)"),
  NO_VALID_POLYGON("every polygon degenerate"),
  BAD_VERTEX_INDEX("vertex index out of range"),
  UNKNOWN_CRS("CRS unknown or different from the file's"),
  PART_WITHOUT_BUILDING("BuildingPart whose Building is missing"),
  DUPLICATE_IN_FILE("id appears twice in the file"),
  ALREADY_IN_TABLE("id already in the table");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
