package io.urbis.importer;

/** Where a reader sends what it finds, in file order; the CRS comes before the first building. */
interface BuildingHandler {

  void crs(SourceCrs crs) throws ImportException;

  /** A building with its parts attached. */
  void building(SourceBuilding building) throws ImportException;

  /** A Building or BuildingPart that cannot be read, counted as one building read and skipped. */
  void skipped(String id, String type, SkipReason reason);

  /** A CityObject of another type (a road, a tree, a building installation), counted but not imported. */
  void notImported(String type);
}
