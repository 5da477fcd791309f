package io.urbis.importer;

/** Reads one city model file and hands its buildings, one at a time, to a handler. */
interface BuildingReader {

  /** How many times the reader reads the file from the start (the progress bar counts bytes over all passes). */
  int passes();

  /** @throws ImportException when the file is not of this format, is cut short, or names no usable CRS */
  void read(SourceFile file, BuildingHandler handler) throws ImportException;
}
